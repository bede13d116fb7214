package io.notifications.connection;

import java.nio.charset.StandardCharsets;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Responses that fit Tomcat's buffer are sent whole, with their length, not chunked:
 * Spring's flush of every {@code ResponseEntity} would otherwise commit them early
 * (docs/performance.md).
 */
class OneWriteResponseTests extends ApiTestSupport {

	static final String CN = "/api/spaces/coworkernotifications";

	static final String BODY = """
			{"CoworkerId":5,"Message":"m","NotificationType":"blog","EntityId":1}""";

	@Test
	void theEnvelopeOfAWriteAndARecordAreSentWithTheirLength() {
		String token = admin();
		Response created = postJson(CN, BODY, token);
		int id = json(created.body()).get("Value").get("Id").asInt();
		Response updated = putJson(CN, "{\"Id\":" + id + "," + BODY.substring(1), token);
		Response read = get(CN + "/" + id, token);
		Response missing = get(CN + "/" + (id + 1000), token);

		for (Response response : new Response[] { created, updated, read, missing }) {
			assertThat(response.header("Transfer-Encoding")).as(response.body()).isNull();
			assertThat(response.header("Content-Length"))
				.isEqualTo(String.valueOf(response.body().getBytes(StandardCharsets.UTF_8).length));
		}
		assertThat(read.status()).isEqualTo(200);
		assertThat(missing.status()).isEqualTo(404);
	}

}
