package io.notifications.connection;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Envelopes;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests that the HTTP layer refuses before the application sees them are answered
 * in the envelope, and the malformed ones that it would let through are refused: a
 * chunked request that also has a length, a body that is not well-formed UTF-8.
 */
class HttpLayerErrorsTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String INVALID = Envelopes.failure(400, "The request is invalid.");

	@Test
	void aRequestWithoutHostIsA400Envelope() {
		Response response = send("GET " + BASE + "/1 HTTP/1.1\r\nConnection: close\r\n\r\n");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(response.body()).isEqualTo(INVALID);
	}

	@Test
	void tooManyHeadersIsA400Envelope() {
		StringBuilder request = new StringBuilder("GET " + BASE + "/1 HTTP/1.1\r\nHost: localhost\r\n");
		for (int header = 0; header < 101; header++) {
			request.append("X-Header-").append(header).append(": ").append(header).append("\r\n");
		}
		Response response = send(request.append("Connection: close\r\n\r\n").toString());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(INVALID);
	}

	@Test
	void whatTomcatDoesNotImplementIsSaidInTheEnvelope() {
		Response version = send("GET " + BASE + "/1 HTTP/1.2\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		Response coding = send("PUT " + BASE + " HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n"
				+ "Content-Type: application/json\r\nConnection: close\r\n\r\n");

		assertThat(version.status()).isEqualTo(505);
		assertThat(version.body())
			.isEqualTo(Envelopes.failure(505, "The HTTP version of the request is not supported; send HTTP/1.1."));
		assertThat(coding.status()).isEqualTo(501);
		assertThat(coding.body())
			.isEqualTo(Envelopes.failure(501, "This server does not support the request's method or transfer coding."));
	}

	@Test
	void twoContentLengthsAreA400Envelope() {
		Response response = send("PUT " + BASE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ basic(ADMIN, ADMIN_PASSWORD)
				+ "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(INVALID);
	}

	@Test
	void aChunkedRequestWithAContentLengthIsRefused() {
		assertAChunkedPutIsRefused("HTTP/1.1", "Content-Length: 5\r\nConnection: close");
	}

	/**
	 * RFC 9112 section 6.1: a proxy may frame it by the connection's close. Tomcat
	 * decoded the chunks, wrote the record and kept the connection for the next request.
	 */
	@Test
	void anHttp10RequestWithATransferEncodingIsRefused() {
		assertAChunkedPutIsRefused("HTTP/1.0", "Connection: keep-alive");
	}

	private void assertAChunkedPutIsRefused(String version, String headers) {
		int id = createdId(BASE, record("before"));
		String body = """
				{"Id":%d,"CoworkerId":7,"Message":"after","NotificationType":"blog","EntityId":0}""".formatted(id);
		Response response = send("PUT " + BASE + " " + version + "\r\nHost: localhost\r\nAuthorization: "
				+ basic(ADMIN, ADMIN_PASSWORD) + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
				+ headers + "\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(INVALID);
		assertThat(response.header("Connection")).isEqualTo("close");
		assertThat(readRecord(BASE, id).get("Message").asString()).isEqualTo("before");
	}

	@Test
	void aChunkedRequestAloneIsAccepted() {
		int id = createdId(BASE, record("before"));
		String body = """
				{"Id":%d,"CoworkerId":7,"Message":"after","NotificationType":"blog","EntityId":0}""".formatted(id);
		Response response = send("PUT " + BASE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ basic(ADMIN, ADMIN_PASSWORD) + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
				+ "Connection: close\r\n\r\n" + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n");

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(readRecord(BASE, id).get("Message").asString()).isEqualTo("after");
	}

	@Test
	void anOverlongUtf8SequenceIsRefusedNotDecoded() {
		int id = createdId(BASE, record("before"));
		// C0 AF is an overlong '/': lenient decoders store "a/b"
		byte[] body = concat("""
				{"Id":%d,"CoworkerId":7,"Message":"a""".formatted(id).getBytes(StandardCharsets.US_ASCII),
				new byte[] { (byte) 0xC0, (byte) 0xAF }, """
						b","NotificationType":"blog","EntityId":0}""".getBytes(StandardCharsets.US_ASCII));
		Response response = sendJsonBytes("PUT", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(Envelopes.failure(400, "The request body is not valid JSON."));
		assertThat(readRecord(BASE, id).get("Message").asString()).isEqualTo("before");
	}

	@Test
	void aBodyInUtf16OrUtf32IsRefusedNotDecoded() {
		int id = createdId(BASE, record("before"));
		String json = """
				{"Id":%d,"CoworkerId":7,"Message":"after","NotificationType":"blog","EntityId":0}""".formatted(id);
		for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
			Response response = sendJsonBytes("PUT", json.getBytes(Charset.forName(charset)));

			assertThat(response.status()).as(charset).isEqualTo(400);
			assertThat(response.body()).isEqualTo(Envelopes.failure(400, "The request body is not valid JSON."));
		}
		assertThat(readRecord(BASE, id).get("Message").asString()).isEqualTo("before");
		// a UTF-8 byte order mark is read past, as before
		byte[] marked = concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				json.getBytes(StandardCharsets.UTF_8));
		assertThat(sendJsonBytes("PUT", marked).status()).isEqualTo(200);
		assertThat(readRecord(BASE, id).get("Message").asString()).isEqualTo("after");
	}

	@Test
	void anEncodedSurrogateIsRefused() {
		byte[] body = concat("""
				{"CoworkerId":7,"Message":\"""".getBytes(StandardCharsets.US_ASCII),
				new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, """
						","NotificationType":"blog","EntityId":0}""".getBytes(StandardCharsets.US_ASCII));
		Response response = sendJsonBytes("POST", body);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(Envelopes.failure(400, "The request body is not valid JSON."));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM coworker_notifications", Integer.class)).isZero();
	}

	@Test
	void tokenResponsesAreNeverCached() {
		Response issued = postForm("/api/token",
				"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);
		Response refused = postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=wrong");

		for (Response response : new Response[] { issued, refused }) {
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
			assertThat(response.header("Pragma")).isEqualTo("no-cache");
		}
		assertThat(issued.status()).isEqualTo(200);
		assertThat(refused.status()).isEqualTo(400);
	}

	private Response send(String request) {
		return RawHttp.exchange("127.0.0.1", this.port, request);
	}

	/** A JSON request whose body is sent byte for byte, as the Administrator. */
	private Response sendJsonBytes(String method, byte[] body) {
		String head = method + " " + BASE + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
				+ basic(ADMIN, ADMIN_PASSWORD) + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n";
		return RawHttp.exchange("127.0.0.1", this.port, concat(head.getBytes(StandardCharsets.US_ASCII), body));
	}

	private static String record(String message) {
		return """
				{"CoworkerId":7,"Message":"%s","NotificationType":"blog","EntityId":0}""".formatted(message);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

}
