package io.notifications.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Http;
import io.notifications.support.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body in any content coding but {@code identity} is refused with 415 naming
 * the coding, on every endpoint that reads a body: neither read as if it were plain, nor
 * decoded. Nothing changes.
 */
class ContentCodingTests extends ApiTestSupport {

	static final String COWORKER = "/api/spaces/coworkernotifications";

	static final String SYSTEM = "/api/sys/systemnotifications";

	static final String JSON_TYPE = "application/json";

	static final String FORM_TYPE = "application/x-www-form-urlencoded";

	private int coworkerId;

	private int systemId;

	private String refreshToken;

	@BeforeEach
	void records() {
		this.coworkerId = createdId(COWORKER, coworker("before"));
		this.systemId = createdId(SYSTEM, system("before"));
		this.refreshToken = postForm("/api/token",
				"grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD)
			.json()
			.get("refresh_token")
			.asString();
	}

	@Test
	void plainBodiesLabelledWithACodingAreRefusedNamingItOnEveryEndpoint() {
		Map<String, List<Map<String, Object>>> before = writableRows();
		for (Body body : bodies()) {
			for (String coding : new String[] { "gzip", "GZIP", "deflate", "br", "x-custom", "gzip, identity",
					"identity, gzip" }) {
				Response response = send(body, BodyPublishers.ofString(body.text()), coding);

				assertRefused(response, body + " " + coding, coding);
			}
		}
		assertThat(writableRows()).isEqualTo(before);
	}

	@Test
	void realGzipBodiesAreRefusedNotDecoded() {
		Map<String, List<Map<String, Object>>> before = writableRows();
		for (Body body : bodies()) {
			Response response = send(body, BodyPublishers.ofByteArray(gzip(body.text())), "gzip");

			assertRefused(response, body.toString(), "gzip");
		}
		assertThat(writableRows()).isEqualTo(before);
	}

	@Test
	void identityInAnyCaseIsAccepted() {
		for (String coding : new String[] { "identity", "Identity", "IDENTITY", " identity , identity" }) {
			Response created = send(new Body("POST", COWORKER, JSON_TYPE, coworker("new " + coding)),
					BodyPublishers.ofString(coworker("new " + coding)), coding);
			assertThat(created.status()).as(created.body()).isEqualTo(200);
		}
		Body update = new Body("PUT", COWORKER, JSON_TYPE,
				coworker("after").replace("{", "{\"Id\":" + this.coworkerId + ","));
		Response updated = send(update, BodyPublishers.ofString(update.text()), "identity");
		Response token = send(new Body("POST", "/api/token", FORM_TYPE, password()),
				BodyPublishers.ofString(password()), "identity");

		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(readRecord(COWORKER, this.coworkerId).get("Message").asString()).isEqualTo("after");
		assertThat(token.status()).as(token.body()).isEqualTo(200);
	}

	@Test
	void withoutCredentialsAProtectedEndpointAnswers401First() {
		Body body = bodies().get(1);
		Response response = send(body, BodyPublishers.ofString(body.text()), "gzip", null);

		assertThat(response.status()).isEqualTo(401);
	}

	@Test
	void aRequestWithoutABodyIsNotConcerned() {
		Response response = send("GET", COWORKER + "/" + this.coworkerId, null, null, admin(),
				Map.of("Content-Encoding", "gzip"));

		assertThat(response.status()).isEqualTo(200);
	}

	private void assertRefused(Response response, String description, String coding) {
		assertThat(response.status()).as(description).isEqualTo(415);
		assertThat(response.body()).as(description)
			.isEqualTo(failure(415, "Content-Encoding", "is not a supported content coding",
					error(JSON.writeValueAsString(coding), "is not a supported content coding", "Content-Encoding")));
		assertThat(response.header("Content-Type")).isEqualTo("application/json");
		assertThat(response.header("Accept-Encoding")).isEqualTo("identity");
	}

	/** A body that each endpoint would accept, were it sent plain. */
	private List<Body> bodies() {
		return List.of(
				new Body("PUT", COWORKER, JSON_TYPE,
						coworker("after").replace("{", "{\"Id\":" + this.coworkerId + ",")),
				new Body("POST", COWORKER, JSON_TYPE, coworker("after")),
				new Body("PUT", SYSTEM, JSON_TYPE, system("after").replace("{", "{\"Id\":" + this.systemId + ",")),
				new Body("POST", SYSTEM, JSON_TYPE, system("after")),
				new Body("PUT", COWORKER, FORM_TYPE,
						"Id=" + this.coworkerId + "&CoworkerId=7&Message=after&NotificationType=blog&EntityId=0"),
				new Body("POST", "/api/token", FORM_TYPE, password()),
				new Body("POST", "/api/token/revoke", FORM_TYPE, "token=" + this.refreshToken),
				new Body("POST", "/api/token/revoke-all", FORM_TYPE, "user=" + ADMIN));
	}

	private Response send(Body body, BodyPublisher publisher, String coding) {
		return send(body, publisher, coding, basic(ADMIN, ADMIN_PASSWORD));
	}

	private Response send(Body body, BodyPublisher publisher, String coding, String authorization) {
		try {
			return Http.send(body.method(), "http://localhost:" + this.port + body.path(), body.contentType(),
					publisher, authorization, Map.of("Content-Encoding", coding));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String password() {
		return "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD;
	}

	private static String coworker(String message) {
		return """
				{"CoworkerId":7,"Message":"%s","NotificationType":"blog","EntityId":0}""".formatted(message);
	}

	private static String system(String title) {
		return """
				{"Title":"%s","Severity":1,"StartTime":"2025-01-15T10:30:00Z","ShortDescription":"s",\
				"Description":"d","MessageType":1}""".formatted(title);
	}

	private static byte[] gzip(String text) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	record Body(String method, String path, String contentType, String text) {

		@Override
		public String toString() {
			return this.method + " " + this.path + " (" + this.contentType + ")";
		}

	}

}
