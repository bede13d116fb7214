"""A running server as a test sees it: its URL, tokens, and the steering API of CONTRACT.md
section 7 (the journal of requests, fault rules, the clock). Standard library only."""
from __future__ import annotations

import base64
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.message import Message
from typing import Any, Dict, Iterable, List, Optional, Union

from .server import User

TIMEOUT = 60


class NotificationsServerError(Exception):
    """The server answered a call of the harness (a reset, a token, a steering call) with something
    else than the contract's success, or could not be reached."""

    def __init__(self, message: str, status: int = 0, body: Optional[str] = None):
        super().__init__(message)
        self.status, self.body = status, body


@dataclass(frozen=True)
class Answer:
    """An HTTP answer, whatever its status (non-2xx answers are answers too, not exceptions)."""
    status: int
    headers: Dict[str, str]
    body: str

    def json(self) -> Any:
        return json.loads(self.body)

    def header(self, name: str) -> Optional[str]:
        return next((value for key, value in self.headers.items() if key.lower() == name.lower()), None)


def request(method: str, url: str, body: Union[str, bytes, None] = None,
            headers: Optional[Dict[str, str]] = None, timeout: float = TIMEOUT) -> Answer:
    """One HTTP request with urllib; a 4xx or 5xx is returned, not raised. A connection the server
    closes without an answer raises ``OSError`` (``http.client.RemoteDisconnected`` and the like)."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    prepared = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(prepared, timeout=timeout) as response:
            return Answer(response.status, _fields(response.headers), response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        with error:
            return Answer(error.code, _fields(error.headers), error.read().decode("utf-8", errors="replace"))


def _fields(message: Message) -> Dict[str, str]:
    """The answer's header fields by name; one sent more than once (``Vary``, ``WWW-Authenticate``)
    is one value, its lines joined with ", " as RFC 9110 section 5.3 allows, instead of the last alone."""
    fields: Dict[str, str] = {}
    names: Dict[str, str] = {}
    for name, value in message.items():
        key = names.setdefault(name.lower(), name)
        fields[key] = f"{fields[key]}, {value}" if key in fields else value
    return fields


def basic(email: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{email}:{password}".encode("utf-8")).decode("ascii")


def _field(json_object: Dict[str, Any], name: str, default: Any = None) -> Any:
    """A property read case-insensitively, as the contract reads request properties."""
    if name in json_object:
        return json_object[name]
    lower = name.lower()
    return next((value for key, value in json_object.items() if key.lower() == lower), default)


_FRACTION = re.compile(r"\.(\d+)")


def parse_time(value: Optional[str]) -> Optional[datetime]:
    if value is None:
        return None
    text = value.replace("Z", "+00:00").replace("z", "+00:00")
    # the server gives up to nanoseconds; before 3.11, fromisoformat takes 3 or 6 digits only
    text = _FRACTION.sub(lambda digits: "." + (digits.group(1) + "000000")[:6], text, count=1)
    return datetime.fromisoformat(text).astimezone(timezone.utc)


def format_time(value: Union[datetime, str]) -> str:
    if isinstance(value, str):
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


@dataclass(frozen=True)
class AppliedFault:
    """The fault rule that answered a request."""
    id: int
    effect: str


@dataclass(frozen=True)
class RecordedRequest:
    """One request of the server's journal, with the contract's fields in snake case."""
    sequence: int
    time: Optional[datetime]
    method: str
    path: str
    query: Optional[str]
    caller: Optional[str]
    scheme: Optional[str]
    content_type: Optional[str]
    body: Optional[str]
    body_truncated: bool
    status: int
    duration_ms: int
    fault: Optional[AppliedFault]

    @staticmethod
    def from_json(record: Dict[str, Any]) -> "RecordedRequest":
        fault = _field(record, "Fault")
        return RecordedRequest(
            sequence=_field(record, "Sequence"), time=parse_time(_field(record, "Time")),
            method=_field(record, "Method"), path=_field(record, "Path"), query=_field(record, "Query"),
            caller=_field(record, "Caller"), scheme=_field(record, "Scheme"),
            content_type=_field(record, "ContentType"), body=_field(record, "Body"),
            body_truncated=bool(_field(record, "BodyTruncated", False)), status=_field(record, "Status"),
            duration_ms=_field(record, "DurationMs", 0),
            fault=AppliedFault(_field(fault, "Id"), _field(fault, "Effect")) if fault else None)

    def summary(self) -> str:
        """``#12 PUT /api/spaces/coworkernotifications -> 200 by a@example.com``"""
        line = f"#{self.sequence} {self.method} {self.path}" + (f"?{self.query}" if self.query else "")
        line += f" -> {self.status}" + (f" by {self.caller}" if self.caller else "")
        return line + (f" (fault {self.fault.id} {self.fault.effect})" if self.fault else "")


@dataclass(frozen=True)
class FaultRule:
    """A fault rule as the server stores it."""
    id: int
    method: Optional[str]
    path: Optional[str]
    path_prefix: Optional[str]
    caller: Optional[str]
    effect: str
    times: int
    remaining: int
    probability: float
    retry_after_seconds: Optional[int]
    delay_ms: Optional[int]

    @staticmethod
    def from_json(rule: Dict[str, Any]) -> "FaultRule":
        probability = _field(rule, "Probability")
        return FaultRule(
            id=_field(rule, "Id"), method=_field(rule, "Method"), path=_field(rule, "Path"),
            path_prefix=_field(rule, "PathPrefix"), caller=_field(rule, "Caller"), effect=_field(rule, "Effect"),
            times=_field(rule, "Times"), remaining=_field(rule, "Remaining"),
            probability=1.0 if probability is None else float(probability),
            retry_after_seconds=_field(rule, "RetryAfterSeconds"), delay_ms=_field(rule, "DelayMs"))


@dataclass(frozen=True)
class ClockReading:
    now: datetime
    fixed: bool


def _at_least_one(name: str, value: Optional[int]) -> Optional[int]:
    if value is not None and value < 1:
        raise ValueError(f"{name} must be 1 or more, not {value}")
    return value


@dataclass(frozen=True)
class Fault:
    """A fault rule to add with ``nexudus.faults.add(...)``: one of Nexudus's real failure modes,
    answered to the requests it matches. Start from an effect, narrow it with keywords::

        Fault.server_error(method="PUT", path="/api/spaces/coworkernotifications", times=2)
        Fault.rate_limited(30, caller="a@example.com")
        Fault.delay(timedelta(seconds=2), path_prefix="/api/sys/", probability=0.5)
    """
    effect: str
    method: Optional[str] = None
    path: Optional[str] = None
    path_prefix: Optional[str] = None
    caller: Optional[str] = None
    times: int = 1
    probability: Optional[float] = None
    retry_after_seconds: Optional[int] = None
    delay_ms: Optional[int] = None

    def __post_init__(self):
        _at_least_one("times", self.times)
        _at_least_one("retry_after_seconds", self.retry_after_seconds)
        if self.probability is not None and not 0 <= self.probability <= 1:
            raise ValueError(f"A probability is 0 to 1, not {self.probability}")
        if self.delay_ms is not None and not 1 <= self.delay_ms <= 60_000:
            raise ValueError(f"A delay is 1 to 60,000 ms, not {self.delay_ms}")
        if self.method is not None:
            object.__setattr__(self, "method", self.method.upper())

    @staticmethod
    def rate_limited(retry_after_seconds: Optional[int] = None, **matchers) -> "Fault":
        """429, ``Retry-After: N`` (default 1), Message "Wait N seconds before accessing this url again." """
        return Fault("RateLimited", retry_after_seconds=retry_after_seconds, **matchers)

    @staticmethod
    def server_error(**matchers) -> "Fault":
        """500, Message "Ooops! There was a problem while running this action" (Nexudus's transient error)."""
        return Fault("ServerError", **matchers)

    @staticmethod
    def unavailable(retry_after_seconds: Optional[int] = None, **matchers) -> "Fault":
        """503, ``Retry-After: N`` (default 1)."""
        return Fault("Unavailable", retry_after_seconds=retry_after_seconds, **matchers)

    @staticmethod
    def delay(delay: Union[timedelta, int], **matchers) -> "Fault":
        """Waits (a timedelta, or milliseconds: 1 to 60,000), then answers normally."""
        milliseconds = round(delay.total_seconds() * 1000) if isinstance(delay, timedelta) else int(delay)
        return Fault("Delay", delay_ms=milliseconds, **matchers)

    @staticmethod
    def drop(**matchers) -> "Fault":
        """Closes the connection without an answer."""
        return Fault("Drop", **matchers)

    def to_json(self) -> Dict[str, Any]:
        """The body of ``POST /ephemeral/faults``: the contract's properties in its order, those not
        set left out (the server's defaults apply); ``Times`` always."""
        body = {"Method": self.method, "Path": self.path, "PathPrefix": self.path_prefix, "Caller": self.caller,
                "Effect": self.effect, "Times": self.times, "Probability": self.probability,
                "RetryAfterSeconds": self.retry_after_seconds, "DelayMs": self.delay_ms}
        return {name: value for name, value in body.items() if value is not None or name in ("Effect", "Times")}


class _Steering:
    """The harness's calls as the Administrator (Basic), with errors that quote the server."""

    def __init__(self, url: str, administrator: User):
        self.url = url.rstrip("/")
        self.authorization = basic(administrator.email, administrator.password)

    def call(self, method: str, path_and_query: str, body: Any = None) -> Any:
        headers = {"Authorization": self.authorization, "Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        try:
            answer = request(method, self.url + path_and_query, None if body is None else json.dumps(body), headers)
        except OSError as error:
            raise NotificationsServerError(f"{method} {path_and_query} failed: {error}") from error
        if answer.status == 204:
            return None
        if answer.status != 200:
            raise failure(f"{method} {path_and_query}", answer)
        return answer.json()


def failure(call: str, answer: Answer) -> NotificationsServerError:
    """An error that says what the server answered, its envelope's Message and Errors first."""
    message = f"{call} answered {answer.status}"
    try:
        envelope = json.loads(answer.body)
    except ValueError:
        envelope = None
    if isinstance(envelope, dict) and _field(envelope, "Message"):
        message += ": " + _field(envelope, "Message").rstrip(".")
        if _field(envelope, "Errors"):
            message += " " + json.dumps(_field(envelope, "Errors"))
    elif isinstance(envelope, dict) and envelope.get("error"):
        message += f": {envelope['error']}" + (f" ({envelope['error_description']})"
                                                if envelope.get("error_description") else "")
    elif answer.body.strip():
        message += ": " + answer.body[:500]
    steering = " /ephemeral/" in call and "/ephemeral/reset" not in call
    if steering and answer.status == 404 and not (isinstance(envelope, dict) and _field(envelope, "Errors")):
        message += (". This server has no such steering endpoint: the journal, faults and clock "
                    "(CONTRACT.md section 7) need a server that implements them")
    return NotificationsServerError(message, answer.status, answer.body)


_FILTERS = ("method", "path", "path_prefix", "caller", "status", "since", "after")


class Requests:
    """A query of the server's journal (``GET /ephemeral/requests``), narrowed by filters combined
    with AND::

        nexudus.requests(method="PUT", path="/api/spaces/coworkernotifications").assert_count(2)
        nexudus.requests(caller="reader@example.com", status=403).assert_none()
        put = nexudus.requests(method="PUT").assert_one()
    """

    def __init__(self, steering: _Steering, **filters):
        unknown = set(filters) - set(_FILTERS)
        if unknown:
            raise TypeError(f"Unknown journal filters {sorted(unknown)}; the filters are {list(_FILTERS)}")
        self._steering = steering
        self.filters = {name: value for name, value in filters.items() if value is not None}

    def query(self) -> Dict[str, str]:
        query = {}
        for name in _FILTERS:
            if name not in self.filters:
                continue
            value = self.filters[name]
            if name == "method":
                value = value.upper()
            elif name == "since":
                value = format_time(value)
            elif name == "after" and isinstance(value, RecordedRequest):
                value = value.sequence
            query[name] = str(value)
        return query

    def path_and_query(self) -> str:
        query = self.query()
        return "/ephemeral/requests" + ("?" + urllib.parse.urlencode(query) if query else "")

    def list(self) -> List[RecordedRequest]:
        """The matching requests, oldest first."""
        answer = self._steering.call("GET", self.path_and_query())
        return [RecordedRequest.from_json(record) for record in _field(answer, "Records", [])]

    def count(self) -> int:
        return len(self.list())

    def assert_count(self, expected: int) -> List[RecordedRequest]:
        """Fails unless exactly ``expected`` requests match; returns them."""
        matching = self.list()
        if len(matching) != expected:
            found = ("none" + self._what_the_journal_holds() if not matching
                     else f"{len(matching)}:\n  " + "\n  ".join(r.summary() for r in matching))
            raise AssertionError(f"Expected {expected} request{'' if expected == 1 else 's'} matching "
                                 f"{self.describe()} in the server's journal, found {found}")
        return matching

    def _what_the_journal_holds(self) -> str:
        """When no request matched: the last ones the journal holds, to see which filter was wrong."""
        if not self.filters:
            return ""
        everything = Requests(self._steering).list()
        if not everything:
            return " (the journal is empty)"
        last = everything[-20:]
        more = f", the last {len(last)} of them" if len(last) < len(everything) else ""
        return f"; it holds {len(everything)}{more}:\n  " + "\n  ".join(r.summary() for r in last)

    def assert_none(self) -> None:
        self.assert_count(0)

    def assert_one(self) -> RecordedRequest:
        return self.assert_count(1)[0]

    def clear(self) -> None:
        """Empties the whole journal (``DELETE /ephemeral/requests``); only without filters."""
        if self.filters:
            raise ValueError(f"clear() empties the whole journal: call it on requests(), not on {self.describe()}")
        self._steering.call("DELETE", "/ephemeral/requests")

    def describe(self) -> str:
        return " ".join(f"{name}={value}" for name, value in self.query().items()) or "(any)"

    def __repr__(self) -> str:
        return f"Requests {self.describe()}"


class Faults:
    """The server's fault rules (``/ephemeral/faults``), tried in the order they were added."""

    def __init__(self, steering: _Steering):
        self._steering = steering

    def add(self, fault: Fault) -> FaultRule:
        """Adds a rule after the existing ones; returns it as stored, with its id."""
        return FaultRule.from_json(self._steering.call("POST", "/ephemeral/faults", fault.to_json()))

    def list(self) -> List[FaultRule]:
        """The rules in the order they are tried, spent ones (remaining 0) included."""
        answer = self._steering.call("GET", "/ephemeral/faults")
        return [FaultRule.from_json(rule) for rule in _field(answer, "Records", [])]

    def remove(self, rule: Union[FaultRule, int]) -> None:
        """Removes one rule; an unknown id is a NotificationsServerError (404)."""
        self._steering.call("DELETE", f"/ephemeral/faults/{rule.id if isinstance(rule, FaultRule) else int(rule)}")

    def clear(self) -> None:
        self._steering.call("DELETE", "/ephemeral/faults")


class Clock:
    """The server's clock (``/ephemeral/clock``). Setting or advancing it fixes it; the server's reset
    does not change it, and the ``nexudus`` fixture puts it back where the server started before each
    test."""

    def __init__(self, steering: _Steering, on_change):
        self._steering, self._on_change = steering, on_change

    def read(self) -> ClockReading:
        return self._reading(self._steering.call("GET", "/ephemeral/clock"))

    def now(self) -> datetime:
        return self.read().now

    def set(self, now: Union[datetime, str]) -> ClockReading:
        """Sets the clock (it may go backwards) and fixes it there."""
        return self._change({"Now": format_time(now)})

    def advance(self, by: Union[timedelta, int]) -> ClockReading:
        """Moves the clock on by a timedelta of whole seconds, or a number of seconds, and fixes it."""
        seconds = by.total_seconds() if isinstance(by, timedelta) else by
        if seconds != int(seconds):
            raise ValueError(f"The clock advances by whole seconds, not {by}")
        return self._change({"AdvanceSeconds": int(seconds)})

    def use_system_time(self) -> ClockReading:
        """Lets the clock run with the system's time again (``DELETE /ephemeral/clock``), whether a test
        or the ``notifications_clock`` setting stopped it."""
        return self._change(None, "DELETE")

    def _change(self, body, method: str = "POST") -> ClockReading:
        try:
            return self._reading(self._steering.call(method, "/ephemeral/clock", body))
        finally:
            self._on_change()

    @staticmethod
    def _reading(answer) -> ClockReading:
        return ClockReading(parse_time(_field(answer, "Now")), bool(_field(answer, "Fixed", False)))


class Nexudus:
    """A running notifications server, as the ``nexudus`` fixture gives it to a test."""

    def __init__(self, url: str, users: Iterable[User], administrator: User, log: Optional[str] = None,
                 start_clock: Optional[str] = None):
        self.url = url.rstrip("/")
        self.users = list(users)
        self.log = log
        self._start_clock = start_clock
        self._steering = _Steering(self.url, administrator)
        self._tokens: Dict[str, str] = {}
        self._tokens_at_a_moved_time = False
        self.faults = Faults(self._steering)
        self.clock = Clock(self._steering, self._clock_moved)

    def url_for(self, path: str) -> str:
        return self.url + path

    def _user(self, email: Optional[str]) -> User:
        if email is None:
            return self.users[0]
        for user in self.users:
            if user.email.lower() == email.lower():
                return user
        raise KeyError(f"No user {email} was configured; the server's users are {[u.email for u in self.users]}")

    def token(self, email: Optional[str] = None) -> str:
        """An access token from ``POST /api/token`` (password grant) for a configured user (the first
        by default); kept until the clock is changed through ``clock`` (a test that revokes it finds it
        working again after the next reset). The ``nexudus`` fixture takes them before each test's
        reset, so their requests are in no test's journal but that of a test that changes the clock
        and then asks for one."""
        user = self._user(email)
        if user.email not in self._tokens:
            form = urllib.parse.urlencode({"grant_type": "password", "username": user.email, "password": user.password})
            answer = request("POST", self.url + "/api/token", form,
                             {"Content-Type": "application/x-www-form-urlencoded"})
            if answer.status != 200 or "access_token" not in answer.body:
                raise failure(f"POST /api/token for {user.email}", answer)
            self._tokens[user.email] = answer.json()["access_token"]
        return self._tokens[user.email]

    def bearer(self, email: Optional[str] = None) -> str:
        """``Bearer <token>``: an Authorization header's value."""
        return "Bearer " + self.token(email)

    def basic(self, email: Optional[str] = None) -> str:
        """``Basic <base64(email:password)>``: an Authorization header's value."""
        user = self._user(email)
        return basic(user.email, user.password)

    def requests(self, **filters) -> Requests:
        """The journal of requests since the last reset, narrowed by ``method``, ``path``,
        ``path_prefix``, ``caller``, ``status``, ``since`` and ``after``."""
        return Requests(self._steering, **filters)

    def request(self, method: str, path: str, json_body: Any = None, user: Optional[str] = None,
                auth: str = "bearer", headers: Optional[Dict[str, str]] = None) -> Answer:
        """A request to the server as a configured user (``auth`` "bearer", "basic" or None); 4xx and
        5xx are answers, not exceptions."""
        sent = dict(headers or {})
        if any(name.lower() == "authorization" for name in sent):
            pass  # the test's own: no token is fetched for it
        elif auth == "bearer":
            sent["Authorization"] = self.bearer(user)
        elif auth == "basic":
            sent["Authorization"] = self.basic(user)
        body = None
        if json_body is not None:
            body = json_body if isinstance(json_body, str) else json.dumps(json_body)
            sent.setdefault("Content-Type", "application/json")
        return request(method, self.url + path, body, sent)

    def reset(self) -> None:
        """``POST /ephemeral/reset``: fixtures restored, journal and fault rules emptied. The
        ``nexudus`` fixture calls it before each test."""
        answer = request("POST", self.url + "/ephemeral/reset", None,
                         {"Authorization": self._steering.authorization})
        if answer.status // 100 != 2:
            raise failure("POST /ephemeral/reset", answer)

    def _clock_moved(self) -> None:
        # tokens issued before may have expired, or not be valid yet, at the new time
        self._tokens.clear()
        self._tokens_at_a_moved_time = True

    def start_test(self) -> None:
        """What the ``nexudus`` fixture does before each test, so that every test starts alike whatever
        ran before it: the clock back where the server started (standing at the configured clock, or
        running with the system's time), the reset, and a token for each user taken already, so
        that neither the test's journal nor its fault rules meet the plugin's own token requests."""
        if self._start_clock:
            self._steering.call("POST", "/ephemeral/clock", {"Now": self._start_clock})
        else:
            self._steering.call("DELETE", "/ephemeral/clock")
        if self._tokens_at_a_moved_time:
            self._tokens.clear()
            self._tokens_at_a_moved_time = False
        self.reset()
        if len(self._tokens) < len(self.users):
            for user in self.users:
                self.token(user.email)
            self._steering.call("DELETE", "/ephemeral/requests")

    def __repr__(self) -> str:
        return f"Nexudus at {self.url}"
