"""The code under test: a team's client of Nexudus's CoworkerNotification resource, which retries an
update (a PUT, so safe to repeat) when Nexudus answers 429, 500 or 503 or drops the connection,
waiting what Retry-After says (at most max_wait seconds). 4xx and 5xx answers are answers here,
not exceptions: urllib raises HTTPError for them, which the client turns back into an answer."""
import json
import time
import urllib.error
import urllib.request

RETRIED = (429, 500, 503)


class NotificationClient:
    def __init__(self, base_url, authorization, attempts=3, max_wait=1.0):
        self.base_url, self.authorization = base_url.rstrip("/"), authorization
        self.attempts, self.max_wait = attempts, max_wait

    def _send(self, method, path, body=None):
        headers = {"Authorization": self.authorization}
        if body is not None:
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(self.base_url + path, method=method, headers=headers,
                                         data=None if body is None else json.dumps(body).encode())
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:  # a non-2xx answer
            with error:
                return error.code, error.headers, error.read().decode()

    def update(self, id, coworker_id, message, notification_type, entity_id):
        """Updates a notification, retrying transient failures: (status, body) of the last answer."""
        record = {"Id": id, "CoworkerId": coworker_id, "Message": message, "NotificationType": notification_type,
                  "EntityId": entity_id}
        dropped = None
        for attempt in range(1, self.attempts + 1):
            try:
                status, headers, body = self._send("PUT", "/api/spaces/coworkernotifications", record)
                dropped = None
            except (ConnectionError, urllib.error.URLError) as error:  # dropped without an answer
                dropped = error
                continue
            if status not in RETRIED:
                break
            if attempt < self.attempts:
                time.sleep(min(float(headers.get("Retry-After") or 1), self.max_wait))
        if dropped is not None:
            raise dropped
        return status, body

    def get(self, id):
        status, _, body = self._send("GET", f"/api/spaces/coworkernotifications/{id}")
        return status, json.loads(body) if body else None
