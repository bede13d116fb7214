"""The requests the plugin sends and the answers it reads, against the example bodies of CONTRACT.md
section 7, through a stand-in server."""
import base64
import json
from datetime import datetime, timedelta, timezone

import pytest

from notifications_pytest import (AppliedFault, ClockReading, Fault, FaultRule, Nexudus, NotificationsServerError,
                                  RecordedRequest, User)

# the journal example of section 7, its elided "Time":"...Z" filled in
JOURNAL = ('{"Records":[{"Sequence":1,"Time":"2025-01-15T10:30:00Z","Method":"PUT",'
           '"Path":"/api/spaces/coworkernotifications","Query":null,"Caller":"a@example.com","Scheme":"Bearer",'
           '"ContentType":"application/json","Body":"{...}","BodyTruncated":false,"Status":200,"DurationMs":3,'
           '"Fault":null}],"TotalItems":1}')
FAULT_REQUEST = ('{"Method":"PUT","Path":"/api/spaces/coworkernotifications","Caller":null,"Effect":"ServerError",'
                 '"Times":2}')
FAULT_RULE = ('{"Id":1,"Method":"PUT","Path":"/api/spaces/coworkernotifications","PathPrefix":null,"Caller":null,'
              '"Effect":"ServerError","Times":2,"Remaining":2,"Probability":1.0,"RetryAfterSeconds":null,'
              '"DelayMs":null}')
CLOCK = '{"Now":"2025-01-15T10:30:00Z","Fixed":true}'
T0 = datetime(2025, 1, 15, 10, 30, tzinfo=timezone.utc)


@pytest.fixture
def nexudus(fake):
    users = [User.parse("admin@example.com:secret:Administrator"), User.parse("reader@example.com:p:w,d:CoworkerNotification-Read")]
    return Nexudus(fake.url, users, users[0])


def without_nulls(text):
    return {name: value for name, value in json.loads(text).items() if value is not None}


def test_steers_as_the_administrator_with_basic(fake, nexudus):
    fake.answer("GET", "/ephemeral/clock", 200, CLOCK)
    nexudus.clock.now()
    assert fake.last["authorization"] == "Basic " + base64.b64encode(b"admin@example.com:secret").decode()


def test_adds_the_contracts_example_rule(fake, nexudus):
    fake.answer("POST", "/ephemeral/faults", 200, FAULT_RULE)
    rule = nexudus.faults.add(Fault.server_error(method="put", path="/api/spaces/coworkernotifications", times=2))
    assert (fake.last["method"], fake.last["path"], fake.last["content_type"]) == ("POST", "/ephemeral/faults", "application/json")
    # the example sends "Caller":null, which means the same as leaving it out
    assert json.loads(fake.last["body"]) == without_nulls(FAULT_REQUEST)
    assert rule == FaultRule(1, "PUT", "/api/spaces/coworkernotifications", None, None, "ServerError", 2, 2, 1.0, None, None)


def test_sends_every_effect_and_matcher_under_the_contracts_names():
    assert Fault.rate_limited(30).to_json() == {"Effect": "RateLimited", "Times": 1, "RetryAfterSeconds": 30}
    assert Fault.rate_limited().to_json() == {"Effect": "RateLimited", "Times": 1}
    assert Fault.unavailable(5).to_json() == {"Effect": "Unavailable", "Times": 1, "RetryAfterSeconds": 5}
    assert Fault.delay(timedelta(milliseconds=1500)).to_json() == {"Effect": "Delay", "Times": 1, "DelayMs": 1500}
    assert Fault.delay(20).to_json() == {"Effect": "Delay", "Times": 1, "DelayMs": 20}
    assert Fault.drop().to_json() == {"Effect": "Drop", "Times": 1}
    assert json.dumps(Fault.server_error(path_prefix="/api/sys/", caller="a@example.com", times=3, probability=0.25).to_json()) == (
        '{"PathPrefix": "/api/sys/", "Caller": "a@example.com", "Effect": "ServerError", "Times": 3, "Probability": 0.25}')


@pytest.mark.parametrize("make", [lambda: Fault.server_error(times=0), lambda: Fault.server_error(probability=1.5),
                                  lambda: Fault.rate_limited(0), lambda: Fault.delay(timedelta(seconds=61)),
                                  lambda: Fault.delay(0)])
def test_refuses_rules_the_contract_refuses(make):
    with pytest.raises(ValueError):
        make()


def test_lists_removes_and_clears_rules(fake, nexudus):
    fake.answer("GET", "/ephemeral/faults", 200, '{"Records":[' + FAULT_RULE + '],"TotalItems":1}')
    fake.answer("DELETE", "/ephemeral/faults/1", 204).answer("DELETE", "/ephemeral/faults", 204)
    rules = nexudus.faults.list()
    assert [rule.id for rule in rules] == [1]
    nexudus.faults.remove(rules[0])
    assert (fake.last["method"], fake.last["path"]) == ("DELETE", "/ephemeral/faults/1")
    nexudus.faults.remove(1)
    nexudus.faults.clear()
    assert (fake.last["method"], fake.last["path"], fake.last["body"]) == ("DELETE", "/ephemeral/faults", None)


def test_an_unknown_rule_is_an_error_naming_the_servers_message(fake, nexudus):
    fake.answer("DELETE", "/ephemeral/faults/9", 404, {"Status": 404, "Message": "Id: was not found", "Value": None, "Errors": [
        {"AttemptedValue": 9, "Message": "was not found", "PropertyName": "Id"}], "WasSuccessful": False})
    with pytest.raises(NotificationsServerError) as error:
        nexudus.faults.remove(9)
    assert error.value.status == 404
    assert str(error.value).startswith("DELETE /ephemeral/faults/9 answered 404: Id: was not found")
    assert "no such steering endpoint" not in str(error.value)


def test_a_server_without_the_steering_api_is_named_as_such(fake, nexudus):
    with pytest.raises(NotificationsServerError, match="no such steering endpoint"):
        nexudus.requests().list()


def test_reads_the_contracts_example_journal(fake, nexudus):
    fake.answer("GET", "/ephemeral/requests", 200, JOURNAL)
    assert nexudus.requests().list() == [RecordedRequest(1, T0, "PUT", "/api/spaces/coworkernotifications", None,
                                                         "a@example.com", "Bearer", "application/json", "{...}", False,
                                                         200, 3, None)]


def test_reads_a_faulted_request(fake, nexudus):
    fake.answer("GET", "/ephemeral/requests", 200, JOURNAL.replace('"Status":200', '"Status":500').replace(
        '"Fault":null', '"Fault":{"Id":4,"Effect":"ServerError"}'))
    request = nexudus.requests().assert_one()
    assert request.fault == AppliedFault(4, "ServerError")
    assert request.summary() == "#1 PUT /api/spaces/coworkernotifications -> 500 by a@example.com (fault 4 ServerError)"


def test_reads_property_names_in_any_case(fake, nexudus):
    fake.answer("GET", "/ephemeral/clock", 200, '{"now":"2025-01-15T10:30:00Z","FIXED":false}')
    assert nexudus.clock.read() == ClockReading(T0, False)


def test_sends_every_filter_as_the_contract_names_it(fake, nexudus):
    fake.answer("GET", "/ephemeral/requests", 200, '{"Records":[],"TotalItems":0}')
    nexudus.requests(method="put", path="/api/spaces/coworkernotifications", path_prefix="/api/", caller="a+b@example.com",
                     status=200, since=T0, after=41).assert_none()
    assert fake.last["path"] == "/ephemeral/requests"
    assert fake.last["query"] == ("method=PUT&path=%2Fapi%2Fspaces%2Fcoworkernotifications&path_prefix=%2Fapi%2F"
                                  "&caller=a%2Bb%40example.com&status=200&since=2025-01-15T10%3A30%3A00Z&after=41")
    with pytest.raises(TypeError):
        nexudus.requests(verb="PUT")


def test_assertions_say_what_they_found(fake, nexudus):
    fake.answer("GET", "/ephemeral/requests", 200, JOURNAL)
    with pytest.raises(AssertionError) as error:
        nexudus.requests(method="PUT").assert_none()
    assert str(error.value) == ("Expected 0 requests matching method=PUT in the server's journal, found 1:\n"
                                "  #1 PUT /api/spaces/coworkernotifications -> 200 by a@example.com")
    assert len(nexudus.requests().assert_count(1)) == 1
    with pytest.raises(AssertionError):
        nexudus.requests().assert_count(2)


def test_clears_the_journal_only_whole(fake, nexudus):
    fake.answer("DELETE", "/ephemeral/requests", 204)
    nexudus.requests().clear()
    assert (fake.last["method"], fake.last["path"]) == ("DELETE", "/ephemeral/requests")
    with pytest.raises(ValueError):
        nexudus.requests(method="PUT").clear()


def test_sets_and_advances_the_clock_with_the_contracts_bodies(fake, nexudus):
    fake.answer("POST", "/ephemeral/clock", 200, CLOCK)
    assert nexudus.clock.set(T0) == ClockReading(T0, True)
    assert json.loads(fake.last["body"]) == {"Now": "2025-01-15T10:30:00Z"}
    nexudus.clock.set("2025-01-15T10:30:00Z")
    assert json.loads(fake.last["body"]) == {"Now": "2025-01-15T10:30:00Z"}
    nexudus.clock.advance(timedelta(hours=1))
    assert json.loads(fake.last["body"]) == {"AdvanceSeconds": 3600}
    nexudus.clock.advance(60)
    assert json.loads(fake.last["body"]) == {"AdvanceSeconds": 60}
    with pytest.raises(ValueError):
        nexudus.clock.advance(timedelta(milliseconds=1500))


def test_lets_the_clock_run_with_the_system_time_again_and_takes_new_tokens(fake, nexudus):
    fake.answer("POST", "/api/token", 200, '{"access_token":"eyJ.a.b"}')
    nexudus.token("reader@example.com")
    fake.answer("DELETE", "/ephemeral/clock", 200, '{"Now":"2026-12-07T19:45:12.123456Z","Fixed":false}')
    assert nexudus.clock.use_system_time() == ClockReading(datetime(2026, 12, 7, 19, 45, 12, 123456, tzinfo=timezone.utc),
                                                           False)
    assert (fake.last["method"], fake.last["path"], fake.last["body"]) == ("DELETE", "/ephemeral/clock", None)
    nexudus.token("reader@example.com")
    assert [r["path"] for r in fake.received] == ["/api/token", "/ephemeral/clock", "/api/token"]


def test_gets_a_token_with_the_password_grant_once_per_user(fake, nexudus):
    fake.answer("POST", "/api/token", 200, '{"access_token":"eyJ.a.b","token_type":"bearer","expires_in":604799,"refresh_token":"r"}')
    assert nexudus.token("reader@example.com") == "eyJ.a.b"
    assert fake.last["content_type"] == "application/x-www-form-urlencoded"
    assert fake.last["body"] == "grant_type=password&username=reader%40example.com&password=p%3Aw%2Cd"
    assert fake.last["authorization"] is None
    assert nexudus.bearer("READER@example.com") == "Bearer eyJ.a.b"
    assert len(fake.received) == 1, "the token is kept"
    fake.answer("POST", "/ephemeral/clock", 200, CLOCK)
    nexudus.clock.advance(timedelta(days=8))
    nexudus.token("reader@example.com")
    assert len(fake.received) == 3, "a new token after the clock moved"
    with pytest.raises(KeyError):
        nexudus.token("nobody@example.com")


def test_a_refused_token_says_why(fake, nexudus):
    fake.answer("POST", "/api/token", 400, '{"error":"invalid_grant","error_description":"The user name or password is incorrect."}')
    with pytest.raises(NotificationsServerError) as error:
        nexudus.token("admin@example.com")
    assert str(error.value) == ("POST /api/token for admin@example.com answered 400: invalid_grant "
                                "(The user name or password is incorrect.)")


def test_resets(fake, nexudus):
    fake.answer("POST", "/ephemeral/reset", 200, "{}")
    nexudus.reset()
    assert (fake.last["method"], fake.last["path"]) == ("POST", "/ephemeral/reset")
    fake.answer("POST", "/ephemeral/reset", 403, '{"Status":403,"Message":"Forbidden.","Errors":[]}')
    with pytest.raises(NotificationsServerError):
        nexudus.reset()


def test_answers_non_2xx_instead_of_raising(fake, nexudus):
    fake.answer("PUT", "/api/spaces/coworkernotifications", 429, '{"Status":429,"Message":"Wait 2 seconds before accessing this url again."}')
    fake.answer("POST", "/api/token", 200, '{"access_token":"t"}')
    answer = nexudus.request("PUT", "/api/spaces/coworkernotifications", {"Id": 7})
    assert answer.status == 429
    assert answer.json()["Message"].startswith("Wait 2 seconds")
    assert fake.last["authorization"] == "Bearer t"
    assert json.loads(fake.last["body"]) == {"Id": 7}


@pytest.mark.parametrize("status", [200, 401])
def test_a_header_sent_twice_keeps_both_values(fake, nexudus, status):
    fake.answer("GET", "/api/spaces/coworkernotifications/7", status, "{}",
                headers=[("Vary", "Origin"), ("X-Other", "1"), ("vary", "Accept")])
    answer = nexudus.request("GET", "/api/spaces/coworkernotifications/7", headers={"Authorization": "Basic x"})
    assert answer.status == status
    assert answer.header("VARY") == "Origin, Accept"
    assert answer.headers["Vary"] == "Origin, Accept"
    assert answer.header("X-Other") == "1"


def test_a_request_with_its_own_authorization_fetches_no_token(fake, nexudus):
    fake.answer("GET", "/api/spaces/coworkernotifications/7", 401, '{"Status":401,"Errors":[]}')
    answer = nexudus.request("GET", "/api/spaces/coworkernotifications/7", headers={"authorization": "Bearer old"})
    assert answer.status == 401
    assert [(r["method"], r["path"]) for r in fake.received] == [("GET", "/api/spaces/coworkernotifications/7")]
    assert fake.last["authorization"] == "Bearer old"
