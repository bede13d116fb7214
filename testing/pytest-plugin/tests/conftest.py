import http.server
import json
import sys
import threading
from pathlib import Path

import pytest

try:
    import notifications_pytest  # noqa: F401  installed (pip install ./testing/pytest-plugin)
except ImportError:
    # the plugin's sources, for running these tests from a checkout without installing it
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

pytest_plugins = ["pytester"]


class FakeServer:
    """A stand-in for the server's steering API: records what the harness sends, answers what it is
    told to."""

    def __init__(self):
        self.received = []
        self.answers = {}
        self.headers = {}
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8") if length else None
                path, _, query = self.path.partition("?")
                fake.received.append({"method": self.command, "path": path, "query": query or None,
                                      "authorization": self.headers.get("Authorization"),
                                      "content_type": self.headers.get("Content-Type"), "body": body})
                status, text = fake.answers.get((self.command, path), (404, json.dumps(
                    {"Status": 404, "Message": "Not found.", "Errors": [], "WasSuccessful": False})))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for name, value in fake.headers.get((self.command, path), []):
                    self.send_header(name, value)
                data = text.encode("utf-8")
                if status != 204:
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if status != 204:
                    self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def answer(self, method, path, status, body="", headers=()):
        self.answers[(method, path)] = (status, body if isinstance(body, str) else json.dumps(body))
        self.headers[(method, path)] = list(headers)
        return self

    @property
    def last(self):
        return self.received[-1]


@pytest.fixture
def fake():
    server = FakeServer()
    yield server
    server.httpd.shutdown()
