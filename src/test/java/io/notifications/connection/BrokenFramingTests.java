package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Envelopes;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body whose framing is broken is refused while it is being received, before
 * the request is handled, on every endpoint that reads a body and whether or not the
 * request has credentials: a malformed chunk is a 400, a body that stops short of its
 * {@code Content-Length} or its last chunk a 408 within 10 s of its last byte (at the
 * default {@code notifications.connection.body-timeout}, 9 s). Neither is a 500, and
 * neither changes anything.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class BrokenFramingTests extends ApiTestSupport {

	static final String COWORKER = "/api/spaces/coworkernotifications";

	static final String SYSTEM = "/api/sys/systemnotifications";

	static final String FRAMING = Envelopes.failure(400, "The chunked encoding of the request body is invalid.");

	static final String TIMEOUT = Envelopes.failure(408, "The request was not received in time.");

	/** Chunk sizes that are not one: not hex, negative, more hex digits than allowed. */
	static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\\r\\nContent-Length: (\\d+)\\r\\n");

	static final List<String> MALFORMED_SIZES = List.of("zz", "-5", "000000000000000005");

	private int coworkerId;

	private int systemId;

	private String refreshToken;

	@BeforeEach
	void records() {
		this.coworkerId = createdId(COWORKER, """
				{"CoworkerId":7,"Message":"before","NotificationType":"blog","EntityId":0}""");
		this.systemId = createdId(SYSTEM, systemRecord("before"));
		this.refreshToken = postForm("/api/token",
				"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD)
			.json()
			.get("refresh_token")
			.asString();
	}

	@Test
	void aMalformedChunkSizeIsA400OnEveryEndpointWithOrWithoutCredentials() {
		Map<String, List<Map<String, Object>>> before = writableRows();
		for (Body body : bodies()) {
			for (String authorization : new String[] { basic(ADMIN, ADMIN_PASSWORD), null }) {
				for (String size : MALFORMED_SIZES) {
					// a whole, valid body in a first chunk; then a chunk size that is
					// none
					String chunks = Integer.toHexString(body.text().length()) + "\r\n" + body.text() + "\r\n" + size
							+ "\r\n{}\r\n0\r\n\r\n";
					Response response = RawHttp.exchange("127.0.0.1", this.port, chunked(body, authorization) + chunks);

					assertThat(response.status()).as(body + " " + size).isEqualTo(400);
					assertThat(response.body()).isEqualTo(FRAMING);
					assertThat(response.header("Content-Type")).isEqualTo("application/json");
					assertThat(response.header("Connection")).isEqualTo("close");
				}
			}
		}
		assertThat(writableRows()).isEqualTo(before);
	}

	@Test
	void aBodyThatStopsShortIsA408WithinTenSecondsOnEveryEndpointWithOrWithoutCredentials() throws Exception {
		Map<String, List<Map<String, Object>>> before = writableRows();
		List<String> names = new ArrayList<>();
		List<String> requests = new ArrayList<>();
		for (Body body : bodies()) {
			for (String authorization : new String[] { basic(ADMIN, ADMIN_PASSWORD), null }) {
				String half = body.text().substring(0, body.text().length() / 2);
				names.add(body + " Content-Length, " + ((authorization != null) ? "with" : "without") + " credentials");
				requests.add(head(body, authorization) + "Content-Length: " + (body.text().length() + 100) + "\r\n\r\n"
						+ body.text());
				names.add(body + " chunked, " + ((authorization != null) ? "with" : "without") + " credentials");
				requests
					.add(chunked(body, authorization) + Integer.toHexString(half.length()) + "\r\n" + half + "\r\n");
			}
		}
		// all at once: each one waits out the deadline
		ExecutorService clients = Executors.newFixedThreadPool(requests.size());
		try {
			List<Future<Timed>> answers = new ArrayList<>();
			for (String request : requests) {
				answers.add(clients.submit(() -> timed(request)));
			}
			for (int i = 0; i < answers.size(); i++) {
				Timed answer = answers.get(i).get(60, TimeUnit.SECONDS);
				assertThat(answer.head()).as(names.get(i)).startsWith("HTTP/1.1 408 ").contains("Connection: close");
				assertThat(answer.body()).isEqualTo(TIMEOUT);
				// the last byte went out with the headers; 9 s is the deadline, to the
				// millisecond, and the answer is sent then: within the contract's 10 s
				assertThat(answer.millis()).as(names.get(i)).isBetween(8_900L, 9_999L);
				assertThat(answer.closed()).isTrue();
			}
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(writableRows()).isEqualTo(before);
	}

	@Test
	void aBodyWhoseSenderEndsItsStreamShortIsA408AtOnce() throws IOException {
		Map<String, List<Map<String, Object>>> before = writableRows();
		Body body = bodies().get(0);
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(5000);
			socket.getOutputStream()
				.write((head(body, basic(ADMIN, ADMIN_PASSWORD)) + "Content-Length: 1000\r\n\r\n" + body.text())
					.getBytes(StandardCharsets.UTF_8));
			socket.shutdownOutput();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(answer);

			assertThat(answer.toString(StandardCharsets.UTF_8)).startsWith("HTTP/1.1 408 ").endsWith(TIMEOUT);
		}
		assertThat(writableRows()).isEqualTo(before);
	}

	/**
	 * Sends a request and reads its answer to the end of its body
	 * ({@code Content-Length}), timing that, then waits for the connection to close.
	 */
	private Timed timed(String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 10_000);
			socket.setSoTimeout(30_000);
			long start = System.nanoTime();
			socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
				int next = in.read();
				assertThat(next).as("the end of the headers").isNotEqualTo(-1);
				head.write(next);
			}
			String headers = head.toString(StandardCharsets.ISO_8859_1);
			Matcher length = CONTENT_LENGTH.matcher(headers);
			assertThat(length.find()).as(headers).isTrue();
			String body = new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			return new Timed(headers, body, millis, in.read() == -1);
		}
	}

	/** A body that each endpoint would accept, were it received whole. */
	private List<Body> bodies() {
		String coworker = """
				{"Id":%d,"CoworkerId":7,"Message":"after","NotificationType":"blog","EntityId":0}""";
		return List.of(new Body("PUT", COWORKER, "application/json", coworker.formatted(this.coworkerId)),
				new Body("POST", COWORKER, "application/json", coworker.replace("\"Id\":%d,", "")),
				new Body("PUT", SYSTEM, "application/json",
						systemRecord("after").replace("{", "{\"Id\":" + this.systemId + ",")),
				new Body("POST", SYSTEM, "application/json", systemRecord("after")),
				new Body("POST", "/api/token", "application/x-www-form-urlencoded",
						"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD),
				new Body("POST", "/api/token/revoke", "application/x-www-form-urlencoded",
						"token=" + this.refreshToken),
				new Body("POST", "/api/token/revoke-all", "application/x-www-form-urlencoded", "user=" + ADMIN));
	}

	private static String head(Body body, String authorization) {
		return body.method() + " " + body.path() + " HTTP/1.1\r\nHost: localhost\r\n"
				+ ((authorization != null) ? "Authorization: " + authorization + "\r\n" : "") + "Content-Type: "
				+ body.contentType() + "\r\nConnection: close\r\n";
	}

	private static String chunked(Body body, String authorization) {
		return head(body, authorization) + "Transfer-Encoding: chunked\r\n\r\n";
	}

	private static String systemRecord(String title) {
		return """
				{"Title":"%s","Severity":1,"StartTime":"2025-01-15T10:30:00Z","ShortDescription":"s",\
				"Description":"d","MessageType":1}""".formatted(title);
	}

	record Body(String method, String path, String contentType, String text) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

	record Timed(String head, String body, long millis, boolean closed) {

	}

}
