"""The notifications server (a replica of Nexudus's notification API) as a pytest fixture.

``pip install ./testing/pytest-plugin`` registers the plugin; tests then take the ``nexudus``
fixture (testing/README.md)::

    from notifications_pytest import Fault

    def test_retries(nexudus):
        nexudus.faults.add(Fault.server_error(method="PUT", times=2))
        ...
        nexudus.requests(method="PUT").assert_count(3)
"""
from .client import (AppliedFault, Answer, ClockReading, Fault, FaultRule, Nexudus, NotificationsServerError,
                     RecordedRequest, Requests, request)
from .server import SERVER_VERSION, Options, User

__version__ = "0.1.0.dev0"

__all__ = ["AppliedFault", "Answer", "ClockReading", "Fault", "FaultRule", "Nexudus", "NotificationsServerError",
           "Options", "RecordedRequest", "Requests", "SERVER_VERSION", "User", "request"]
