package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log is the operator's, not the caller's: a burst of the requests that any client
 * can send at will (wrong methods, unknown paths, bad tokens and passwords, broken
 * framing, refused content codings, malformed request lines and headers, an
 * {@code Accept} the server cannot meet) writes no WARN or ERROR line and no stack trace,
 * and a malformed request at most one line.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorLogTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final int TIMES = 20;

	/**
	 * Lines logged by Tomcat's request threads or the body deadlines; not by a pool's
	 * housekeeping on a busy machine.
	 */
	static final Pattern REQUEST_THREAD = Pattern.compile("\\[[^\\]]*(exec-\\d+|body-deadlines)\\]");

	@Test
	void requestsAnyClientCanRepeatLeaveNoWarningsAndNoStackTraces(CapturedOutput output) throws Exception {
		String basic = basic(ADMIN, ADMIN_PASSWORD);
		String bearer = admin();
		int id = createdId(BASE, """
				{"CoworkerId":7,"Message":"m","NotificationType":"blog","EntityId":0}""");
		int start = output.length();

		// malformed request lines and headers, first: Tomcat reports the first one of
		// each of its processors
		for (int i = 0; i < TIMES; i++) {
			assertThat(raw("GET /a b c HTTP/1.1\r\nHost: localhost\r\n\r\n").status()).isEqualTo(400);
			assertThat(raw("G\u0001T / HTTP/1.1\r\nHost: localhost\r\n\r\n").status()).isEqualTo(400);
			assertThat(raw("GET / HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n").status()).isEqualTo(400);
		}
		String malformedRequests = output.toString().substring(start);
		for (int i = 0; i < TIMES; i++) {
			// wrong methods, unknown paths and records
			assertThat(send("PATCH", BASE, null, (String) null, basic).status()).isEqualTo(405);
			assertThat(send("DELETE", BASE, null, (String) null, bearer).status()).isEqualTo(405);
			assertThat(get("/api/nothing", basic).status()).isEqualTo(404);
			assertThat(postJson("/api/nothing", "{}", basic).status()).isEqualTo(404);
			assertThat(get("/nothing", null).status()).isEqualTo(404);
			assertThat(get(BASE + "/" + (id + 1000), basic).status()).isEqualTo(404);
			// an answer the client cannot accept: the envelope all the same
			assertThat(send("GET", BASE + "/" + (id + 1000), null, null, basic, Map.of("Accept", "text/html")).status())
				.isEqualTo(404);
			assertThat(send("PATCH", BASE, null, null, basic, Map.of("Accept", "application/xml")).status())
				.isEqualTo(405);
			// bad tokens and passwords
			for (String authorization : List.of("Bearer not-a-token", "Bearer " + forged(bearer), basic(ADMIN, "wrong"),
					"Basic !!!", "Basic " + base64("no-colon"), "Negotiate abc")) {
				assertThat(get(BASE, authorization).status()).isEqualTo(401);
			}
			assertThat(postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=wrong").status())
				.isEqualTo(400);
			// broken framing and refused content codings
			assertThat(raw("POST " + BASE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic
					+ "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
					+ "zz\r\n{}\r\n0\r\n\r\n")
				.status()).isEqualTo(400);
			assertThat(endedShort()).isEqualTo(408);
			assertThat(send("POST", BASE, "application/json", "{}", basic, Map.of("Content-Encoding", "gzip")).status())
				.isEqualTo(415);
		}
		// and an expired token
		this.clock.advance(Duration.ofDays(8));
		for (int i = 0; i < TIMES; i++) {
			assertThat(get(BASE, bearer).status()).isEqualTo(401);
		}
		// anything logged on the request threads is written by now
		Thread.sleep(500);

		String logged = output.toString().substring(start);
		assertThat(logged.lines()
			.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			.filter((line) -> REQUEST_THREAD.matcher(line).find())).as(logged).isEmpty();
		assertThat(logged.lines().filter((line) -> line.startsWith("\tat ") || line.contains("Exception: ")))
			.as("stack traces")
			.isEmpty();
		assertThat(malformedRequests.lines().count()).as(malformedRequests).isLessThanOrEqualTo(1);
	}

	private Response raw(String request) {
		return RawHttp.exchange("127.0.0.1", this.port, request);
	}

	/**
	 * A body that stops short of its length, its sender ending its stream: the 408 at
	 * once.
	 */
	private int endedShort() throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write(("PUT " + BASE + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 100\r\n\r\n{\"Id\":1")
					.getBytes(StandardCharsets.US_ASCII));
			socket.shutdownOutput();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(answer);
			return Integer.parseInt(answer.toString(StandardCharsets.UTF_8).substring(9, 12));
		}
	}

	/** The token with its signature's first character changed. */
	private static String forged(String bearer) {
		String token = bearer.substring("Bearer ".length());
		int signature = token.lastIndexOf('.') + 1;
		char first = token.charAt(signature);
		return token.substring(0, signature) + ((first == 'A') ? 'B' : 'A') + token.substring(signature + 1);
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

}
