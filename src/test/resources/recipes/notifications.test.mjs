// The Node recipe of docs/embedded-testing.md (node:test, Node 18 or later): the server's jar in
// ephemeral mode, started once on a free port, the fixtures restored before each test.
// NOTIFICATIONS_JAR names the jar, NOTIFICATIONS_FIXTURES the fixtures file.
import { spawn } from 'node:child_process';
import { before, after, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';

const ADMIN = 'admin@example.com';
const PASSWORD = 'secret';
let server;
let baseUrl;

before(async () => {
  server = spawn('java', ['-jar', process.env.NOTIFICATIONS_JAR,
    '--spring.profiles.active=ephemeral', '--server.port=0',
    `--notifications.ephemeral.users=${ADMIN}:${PASSWORD}:Administrator`,
    `--notifications.ephemeral.fixtures=${process.env.NOTIFICATIONS_FIXTURES}`]);
  // one log line says the server is ready: notifications.ready port=54321 url=http://127.0.0.1:54321
  baseUrl = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The server did not start:\n${output}`)), 120_000);
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const ready = output.match(/notifications\.ready port=\d+ url=(\S+)/);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      }
    });
    server.on('exit', (code) => reject(new Error(`The server exited with ${code}:\n${output}`)));
  });
});

after(() => server.kill());

beforeEach(async () => {
  const reset = await fetch(`${baseUrl}/ephemeral/reset`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${ADMIN}:${PASSWORD}`).toString('base64')}` },
  });
  assert.equal(reset.status, 200);
});

async function accessToken() {
  const answer = await fetch(`${baseUrl}/api/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', username: ADMIN, password: PASSWORD }),
  });
  return (await answer.json()).access_token;
}

test('updates a fixture with a bearer token', async () => {
  const put = await fetch(`${baseUrl}/api/spaces/coworkernotifications`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${await accessToken()}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ Id: 7, CoworkerId: 5, Message: 'Your invoice is paid', NotificationType: 'coworkerinvoice', EntityId: 42 }),
  });
  assert.equal(put.status, 200);
  assert.equal((await put.json()).Message, 'CoworkerNotification was successfully updated.');
});

test('each test starts from the fixtures', async () => {
  const get = await fetch(`${baseUrl}/api/spaces/coworkernotifications/7`, {
    headers: { Authorization: `Bearer ${await accessToken()}` },
  });
  assert.equal(get.status, 200);
  assert.equal((await get.json()).Message, 'Your invoice is ready');
});
