"""The client against the server, with what the server has today: tokens per user, the fixtures, and
a reset before each test (the nexudus fixture)."""
from notification_client import NotificationClient

ADMIN, READER = "admin@example.com", "reader@example.com"


def test_updates_a_notification(nexudus):
    client = NotificationClient(nexudus.url, nexudus.bearer(ADMIN))
    status, body = client.update(7, 5, "Your invoice is paid", "coworkerinvoice", 42)
    assert status == 200, body
    assert '"Message":"CoworkerNotification was successfully updated."' in body
    assert client.get(7)[1]["Message"] == "Your invoice is paid"


def test_starts_each_test_from_the_fixtures(nexudus):
    status, record = NotificationClient(nexudus.url, nexudus.basic(ADMIN)).get(7)
    assert (status, record["Message"]) == (200, "Your invoice is ready")


def test_gives_new_records_the_same_ids_after_each_reset(nexudus):
    for _ in range(2):
        created = nexudus.request("POST", "/api/spaces/coworkernotifications",
                                  {"CoworkerId": 5, "Message": "Hello", "NotificationType": "blog", "EntityId": 1})
        assert created.status == 200, created.body
        assert created.json()["Value"]["Id"] == 8
        nexudus.reset()


def test_refuses_an_update_without_the_role(nexudus):
    client = NotificationClient(nexudus.url, nexudus.bearer(READER), attempts=1)
    assert client.update(7, 5, "Not mine to change", "coworkerinvoice", 42)[0] == 403
    assert client.get(7)[0] == 200


def test_answers_without_credentials_401(nexudus):
    assert nexudus.request("GET", "/api/spaces/coworkernotifications/7", auth=None).status == 401


def test_keeps_a_token_per_user(nexudus):
    assert nexudus.token(ADMIN) == nexudus.token(ADMIN)
    assert nexudus.token(ADMIN) != nexudus.token(READER)


def test_revokes_the_token_the_plugin_keeps_for_a_user(nexudus):
    revoked = nexudus.request("POST", "/api/token/revoke", "token=" + nexudus.token(ADMIN), auth=None,
                              headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert revoked.status == 200, revoked.body
    assert nexudus.request("GET", "/api/spaces/coworkernotifications/7").status == 401


def test_uses_the_kept_token_again_after_the_reset_that_follows_its_revocation(nexudus):
    status, record = NotificationClient(nexudus.url, nexudus.bearer(ADMIN)).get(7)
    assert (status, record["Message"]) == (200, "Your invoice is ready")
