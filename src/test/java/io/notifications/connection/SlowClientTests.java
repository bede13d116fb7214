package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Envelopes;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their request bodies slowly, or stop half-way, hold connections but
 * no request threads: everyone else is still answered at once, and the slow ones get 408
 * at the deadline.
 */
@TestPropertySource(properties = "notifications.connection.body-timeout=5s")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SlowClientTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final int SLOW_CLIENTS = 250;

	@Autowired
	FilterRegistrationBean<BodyReadingFilter> bodyReading;

	@Test
	void slowBodiesDoNotStarveOtherRequests() throws Exception {
		int id = createdId(BASE, record("first"));
		List<Socket> slow = new ArrayList<>();
		try {
			for (int client = 0; client < SLOW_CLIENTS; client++) {
				slow.add(startSlowPut());
			}
			// every slow request has reached the server (more than the 200 request
			// threads)
			Thread.sleep(500);

			long start = System.nanoTime();
			Response put = putJson(BASE, record("second").replace("{", "{\"Id\":" + id + ","),
					basic(ADMIN, ADMIN_PASSWORD));
			long putMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			start = System.nanoTime();
			Response liveness = get("/actuator/health/liveness", null);
			long livenessMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

			assertThat(put.status()).as(put.body()).isEqualTo(200);
			assertThat(putMillis).isLessThan(2000);
			assertThat(liveness.status()).isEqualTo(200);
			assertThat(livenessMillis).isLessThan(2000);
			assertThat(readRecord(BASE, id).get("Message").asString()).isEqualTo("second");

			// at the deadline each slow client is answered 408 in the envelope, and its
			// connection closed
			for (Socket socket : List.of(slow.get(0), slow.get(SLOW_CLIENTS - 1))) {
				String answer = readAll(socket);
				assertThat(answer).startsWith("HTTP/1.1 408 ");
				assertThat(answer).containsIgnoringCase("Connection: close");
				assertThat(answer).endsWith(Envelopes.failure(408, "The request was not received in time."));
			}
		}
		finally {
			for (Socket socket : slow) {
				socket.close();
			}
		}
		// nothing of the abandoned bodies stays reserved
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.bodyReading.getFilter().bufferedBytes() != 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.bodyReading.getFilter().bufferedBytes()).isZero();
	}

	@Test
	void aBodyThatArrivesInPiecesIsReceivedWhole() throws Exception {
		int id = createdId(BASE, record("first"));
		byte[] body = record("in pieces").replace("{", "{\"Id\":" + id + ",").getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(30_000);
			socket.getOutputStream()
				.write(("PUT " + BASE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(ADMIN, ADMIN_PASSWORD)
						+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			for (int at = 0; at < body.length; at += 20) {
				socket.getOutputStream().write(body, at, Math.min(20, body.length - at));
				socket.getOutputStream().flush();
				Thread.sleep(20);
			}
			assertThat(readAll(socket)).startsWith("HTTP/1.1 200 ");
		}
		assertThat(readRecord(BASE, id).get("Message").asString()).isEqualTo("in pieces");
	}

	/**
	 * Sends a PUT's headers, a {@code Content-Length} of 1000 and 10 bytes of its body,
	 * then nothing.
	 */
	private Socket startSlowPut() throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
		socket.setSoTimeout(30_000);
		String head = "PUT " + BASE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic(ADMIN, ADMIN_PASSWORD)
				+ "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"Id\":1,\"M";
		socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
		return socket;
	}

	private static String readAll(Socket socket) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[4096];
		try {
			for (int count = in.read(buffer); count != -1; count = in.read(buffer)) {
				all.write(buffer, 0, count);
			}
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("No complete answer; so far: " + all.toString(StandardCharsets.UTF_8), ex);
		}
		return all.toString(StandardCharsets.UTF_8);
	}

	private static String record(String message) {
		return """
				{"CoworkerId":7,"Message":"%s","NotificationType":"blog","EntityId":0}""".formatted(message);
	}

}
