"""The pytest recipe of docs/embedded-testing.md: the server's jar in ephemeral mode, started once
per session on a free port, the fixtures restored before each test. Needs Java and pytest only.
NOTIFICATIONS_JAR names the jar, NOTIFICATIONS_FIXTURES the fixtures file."""
import base64
import json
import os
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ADMIN, PASSWORD = "admin@example.com", "secret"


@pytest.fixture(scope="session")
def server():
    directory = Path(tempfile.mkdtemp(prefix="notifications"))
    port_file = directory / "port"
    with open(directory / "server.log", "wb") as log:
        process = subprocess.Popen(
            ["java", "-jar", os.environ["NOTIFICATIONS_JAR"],
             "--spring.profiles.active=ephemeral", "--server.port=0",
             f"--notifications.ephemeral.users={ADMIN}:{PASSWORD}:Administrator",
             f"--notifications.ephemeral.fixtures={os.environ['NOTIFICATIONS_FIXTURES']}",
             f"--notifications.ephemeral.port-file={port_file}"],
            stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    # the port file appears once the server is ready: fixtures loaded, port bound
    while not port_file.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("The server did not start:\n" + (directory / "server.log").read_text())
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port_file.read_text().strip()}"
    process.terminate()
    process.wait(timeout=30)


def call(method, url, body=None, headers=None):
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:  # a 4xx or 5xx is an answer too, with its envelope
        with error:
            return error.code, json.loads(error.read() or b"null")


@pytest.fixture
def api(server):
    basic = base64.b64encode(f"{ADMIN}:{PASSWORD}".encode()).decode()
    status, _ = call("POST", server + "/ephemeral/reset", headers={"Authorization": "Basic " + basic})
    assert status == 200
    return server


def access_token(base):
    form = urllib.parse.urlencode({"grant_type": "password", "username": ADMIN, "password": PASSWORD})
    _, answer = call("POST", base + "/api/token", form.encode(),
                     {"Content-Type": "application/x-www-form-urlencoded"})
    return answer["access_token"]


def test_updates_a_fixture_with_a_bearer_token(api):
    record = {"Id": 7, "CoworkerId": 5, "Message": "Your invoice is paid",
              "NotificationType": "coworkerinvoice", "EntityId": 42}
    status, envelope = call("PUT", api + "/api/spaces/coworkernotifications", json.dumps(record).encode(),
                            {"Authorization": "Bearer " + access_token(api), "Content-Type": "application/json"})
    assert status == 200
    assert envelope["Message"] == "CoworkerNotification was successfully updated."


def test_each_test_starts_from_the_fixtures(api):
    status, record = call("GET", api + "/api/spaces/coworkernotifications/7",
                          headers={"Authorization": "Bearer " + access_token(api)})
    assert status == 200
    assert record["Message"] == "Your invoice is ready"
