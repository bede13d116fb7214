package io.notifications.connection;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.notifications.support.ChildApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Http;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idle connections, each with a partial request line (which makes Tomcat hold a buffer as
 * large as the 64 KB header limit), opened until the server takes no more: the
 * application, in a JVM with the documented heap, does not run out of memory and serves a
 * normal request once they are gone.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@EndToEnd
class ConnectionLimitTests {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String PASSWORD = "limit-secret";

	/** More than the server's 1000 connections and its accept queue of 100 together. */
	static final int MAX_ATTEMPTS = 1400;

	@TempDir
	Path workingDirectory;

	@Test
	void idleConnectionsUpToTheLimitDoNotExhaustTheHeap() throws Exception {
		try (ChildApplication application = ChildApplication.start(this.workingDirectory,
				Map.of("NOTIFICATIONS_SECURITY_USERS_0_EMAIL", "admin@example.com",
						"NOTIFICATIONS_SECURITY_USERS_0_PASSWORD", "{noop}" + PASSWORD,
						"NOTIFICATIONS_SECURITY_USERS_0_ROLES", "Administrator",
						// long enough that none of them is closed for idleness while the
						// rest are opened
						"SERVER_TOMCAT_CONNECTION_TIMEOUT", "60s"))) {
			String authorization = "Basic " + java.util.Base64.getEncoder()
				.encodeToString(("admin@example.com:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			List<Socket> idle = new ArrayList<>();
			try {
				for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
					Socket socket = new Socket();
					try {
						socket.connect(new InetSocketAddress("127.0.0.1", application.port()), 5000);
						socket.getOutputStream()
							.write("GET /api/spaces/coworkernotifications?id=[1,2".getBytes(StandardCharsets.US_ASCII));
						idle.add(socket);
					}
					catch (IOException refused) {
						// the server and its accept queue are full
						socket.close();
						break;
					}
				}
				// the 1000 connections and Tomcat's accept queue were full: the limit
				// holds
				assertThat(idle).hasSizeGreaterThanOrEqualTo(1000).hasSizeLessThan(MAX_ATTEMPTS);
				// give Tomcat time to read every partial request line into its buffers
				Thread.sleep(2000);
			}
			finally {
				for (Socket socket : idle) {
					socket.close();
				}
			}

			Response created = Http.postJson(application.baseUrl() + BASE, """
					{"CoworkerId":7,"Message":"after","NotificationType":"blog","EntityId":0}""", authorization);
			int id = created.json().get("Value").get("Id").asInt();
			Response put = Http.putJson(application.baseUrl() + BASE, """
					{"Id":%d,"CoworkerId":7,"Message":"updated","NotificationType":"blog","EntityId":0}"""
				.formatted(id), authorization);

			assertThat(put.status()).as(put.body()).isEqualTo(200);
			assertThat(application.output()).doesNotContain("OutOfMemoryError");
		}
	}

}
