"""The client's retries and the server's view of them, with the steering API of CONTRACT.md section
7: the journal of requests, fault rules and the clock. Marked "steering": the repository's build runs
these apart from the others until the server implements that API."""
import time
from datetime import datetime, timedelta, timezone

import pytest

from notification_client import NotificationClient
from notifications_pytest import ClockReading, Fault, NotificationsServerError

pytestmark = pytest.mark.steering

ADMIN, READER = "admin@example.com", "reader@example.com"
PATH = "/api/spaces/coworkernotifications"
UPDATE = {"Id": 7, "CoworkerId": 5, "Message": "Paid", "NotificationType": "coworkerinvoice", "EntityId": 42}


def client(nexudus, user=ADMIN, attempts=3):
    return NotificationClient(nexudus.url, nexudus.bearer(user), attempts=attempts, max_wait=0.2)


class TestJournal:
    def test_records_the_clients_request(self, nexudus):
        client(nexudus).update(7, 5, "Paid", "coworkerinvoice", 42)
        put = nexudus.requests(method="PUT", path=PATH).assert_one()
        assert (put.caller, put.scheme, put.content_type, put.status) == (ADMIN, "Bearer", "application/json", 200)
        assert '"Message": "Paid"' in put.body
        assert put.query is None and put.fault is None and not put.body_truncated
        assert put.sequence >= 1

    def test_counts_and_filters(self, nexudus):
        c = client(nexudus)
        c.get(7)
        c.get(7)
        last = nexudus.requests(method="GET").assert_count(2)[1]
        c.update(7, 5, "Paid", "coworkerinvoice", 42)
        nexudus.requests(after=last).assert_count(1)
        nexudus.requests(method="PUT", path=PATH, status=200, caller=ADMIN).assert_one()
        nexudus.requests(path_prefix="/api/spaces/").assert_count(3)
        nexudus.requests(caller=READER).assert_none()

    def test_never_records_credentials(self, nexudus):
        # a token request of its own: nexudus.token(...) may answer from the plugin's cache
        answer = nexudus.request("POST", "/api/token", "grant_type=password&username=reader%40example.com&password=reader",
                                 auth=None, headers={"Content-Type": "application/x-www-form-urlencoded"})
        assert answer.status == 200, answer.body
        token = nexudus.requests(path="/api/token").assert_one()
        assert token.caller is None
        assert "password=***" in token.body and "password=reader" not in token.body

    def test_records_the_query_as_received(self, nexudus):
        nexudus.request("GET", PATH + "/?id=[7,8]")
        assert nexudus.requests(method="GET").assert_one().query == "id=[7,8]"

    def test_leaves_out_the_steering_calls_and_the_reset(self, nexudus):
        nexudus.faults.list()
        nexudus.clock.now()
        nexudus.reset()
        nexudus.requests(path_prefix="/ephemeral/").assert_none()

    def test_an_assertion_that_finds_nothing_shows_what_the_journal_holds(self, nexudus):
        client(nexudus).get(7)
        with pytest.raises(AssertionError) as error:
            nexudus.requests(method="DELETE").assert_one()
        message = str(error.value)
        assert message.startswith("Expected 1 request matching method=DELETE in the server's journal, found none; "
                                  "it holds "), message
        assert f"GET {PATH}/7 -> 200 by {ADMIN}" in message, message

    def test_is_emptied_by_the_reset_and_on_request(self, nexudus):
        c = client(nexudus)
        c.get(7)
        nexudus.requests(method="GET").assert_count(1)
        nexudus.requests().clear()
        nexudus.requests().assert_none()
        c.get(7)
        nexudus.reset()
        nexudus.requests().assert_none()


class TestFaults:
    def test_the_client_retries_server_errors(self, nexudus):
        rule = nexudus.faults.add(Fault.server_error(method="PUT", path=PATH, times=2))
        assert (rule.remaining, rule.effect) == (2, "ServerError")
        status, body = client(nexudus).update(7, 5, "Paid", "coworkerinvoice", 42)
        assert status == 200, body
        puts = nexudus.requests(method="PUT", path=PATH).assert_count(3)
        assert [put.status for put in puts] == [500, 500, 200]
        assert (puts[0].fault.id, puts[0].fault.effect) == (rule.id, "ServerError")
        assert puts[2].fault is None
        assert nexudus.faults.list()[0].remaining == 0

    def test_a_server_error_is_nexuduss_transient_error(self, nexudus):
        nexudus.faults.add(Fault.server_error(method="PUT"))
        answer = nexudus.request("PUT", PATH, UPDATE)
        assert answer.status == 500
        assert answer.json()["Message"] == "Ooops! There was a problem while running this action"

    def test_rate_limited_says_when_to_come_back(self, nexudus):
        nexudus.faults.add(Fault.rate_limited(2, method="PUT", path=PATH))
        answer = nexudus.request("PUT", PATH, UPDATE)
        assert (answer.status, answer.header("Retry-After")) == (429, "2")
        assert answer.json()["Message"] == "Wait 2 seconds before accessing this url again."

    def test_unavailable_says_when_to_come_back(self, nexudus):
        nexudus.faults.add(Fault.unavailable(3, path_prefix="/api/spaces/"))
        answer = nexudus.request("PUT", PATH, UPDATE)
        assert (answer.status, answer.header("Retry-After")) == (503, "3")

    def test_a_delay_answers_normally_later(self, nexudus):
        nexudus.faults.add(Fault.delay(timedelta(milliseconds=500), method="PUT"))
        started = time.monotonic()
        assert nexudus.request("PUT", PATH, UPDATE).status == 200
        assert time.monotonic() - started >= 0.5
        put = nexudus.requests(method="PUT").assert_one()
        assert (put.fault.effect, put.status) == ("Delay", 200)

    def test_the_client_retries_a_dropped_connection(self, nexudus):
        nexudus.faults.add(Fault.drop(method="PUT"))
        assert client(nexudus).update(7, 5, "Paid", "coworkerinvoice", 42)[0] == 200
        assert [put.status for put in nexudus.requests(method="PUT").assert_count(2)] == [0, 200]

    def test_a_drop_without_retries_fails_the_client(self, nexudus):
        nexudus.faults.add(Fault.drop(method="PUT"))
        with pytest.raises(OSError):
            client(nexudus, attempts=1).update(7, 5, "Paid", "coworkerinvoice", 42)

    def test_a_faulted_request_changes_nothing(self, nexudus):
        nexudus.faults.add(Fault.server_error(method="PUT"))
        nexudus.request("PUT", PATH, UPDATE)
        assert client(nexudus).get(7)[1]["Message"] == "Your invoice is ready"

    def test_matches_the_caller(self, nexudus):
        nexudus.faults.add(Fault.server_error(caller=READER))
        assert client(nexudus).get(7)[0] == 200
        assert client(nexudus, READER).get(7)[0] == 500

    def test_never_faults_a_request_without_credentials(self, nexudus):
        nexudus.faults.add(Fault.server_error(path_prefix="/api/"))
        assert nexudus.request("GET", PATH + "/7", auth=None).status == 401
        assert nexudus.faults.list()[0].remaining == 1

    def test_a_lost_draw_neither_answers_nor_counts(self, nexudus):
        nexudus.faults.add(Fault.server_error(probability=0, times=5))
        assert client(nexudus).get(7)[0] == 200
        rule = nexudus.faults.list()[0]
        assert (rule.remaining, rule.probability) == (5, 0.0)

    def test_rules_are_listed_removed_and_cleared(self, nexudus):
        first = nexudus.faults.add(Fault.server_error(method="PUT"))
        second = nexudus.faults.add(Fault.delay(10, method="GET", times=3))
        assert nexudus.faults.list() == [first, second]
        assert second.delay_ms == 10
        nexudus.faults.remove(first)
        assert nexudus.faults.list() == [second]
        nexudus.faults.clear()
        assert nexudus.faults.list() == []
        with pytest.raises(NotificationsServerError) as unknown:
            nexudus.faults.remove(first)
        assert unknown.value.status == 404

    def test_the_reset_removes_rules(self, nexudus):
        nexudus.faults.add(Fault.server_error())
        nexudus.reset()
        assert nexudus.faults.list() == []


class TestClock:
    def test_stamps_records_with_the_servers_time(self, nexudus):
        start = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
        assert nexudus.clock.set(start) == ClockReading(start, True)
        assert nexudus.request("PUT", PATH, UPDATE).json()["UpdatedOn"] == "2025-03-01T09:00:00Z"
        nexudus.clock.advance(timedelta(hours=1))
        assert nexudus.clock.now() == start + timedelta(hours=1)
        assert nexudus.request("PUT", PATH, UPDATE).json()["UpdatedOn"] == "2025-03-01T10:00:00Z"
        assert nexudus.requests(method="PUT").assert_count(2)[1].time == start + timedelta(hours=1)

    def test_expires_tokens(self, nexudus):
        nexudus.clock.set(datetime.now(timezone.utc))
        issued = nexudus.token(ADMIN)
        assert NotificationClient(nexudus.url, "Bearer " + issued).get(7)[0] == 200
        nexudus.clock.advance(timedelta(days=8))
        assert NotificationClient(nexudus.url, "Bearer " + issued).get(7)[0] == 401
        # the plugin forgets its tokens when the clock moves: a new one works
        assert client(nexudus).get(7)[0] == 200

    def test_may_go_backwards(self, nexudus):
        nexudus.clock.set("2030-01-01T00:00:00Z")
        assert nexudus.clock.set("2001-01-01T00:00:00Z").now == datetime(2001, 1, 1, tzinfo=timezone.utc)
        assert nexudus.clock.read().fixed


class TestEachTestStartsAlike:
    """The nexudus fixture puts the clock back and takes the tokens before each test (in this order)."""

    def test_stops_the_clock_and_takes_a_token_then(self, nexudus):
        nexudus.clock.set("2025-01-15T10:30:00Z")
        assert client(nexudus, READER).get(7)[0] == 200

    def test_finds_the_clock_running_and_its_tokens_taken_before_its_journal_and_faults(self, nexudus):
        assert not nexudus.clock.read().fixed
        nexudus.faults.add(Fault.server_error(path="/api/token"))
        assert client(nexudus, READER).get(7)[0] == 200
        assert [(request.method, request.path) for request in nexudus.requests().list()] == [("GET", PATH + "/7")]
