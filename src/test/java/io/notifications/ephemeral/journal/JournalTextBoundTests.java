package io.notifications.ephemeral.journal;

import java.util.List;

import io.notifications.ephemeral.SteeringTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code notifications.ephemeral.journal.text} over real HTTP: past that many characters
 * of bodies and query strings the oldest requests go, and the newest always stays.
 */
@TestPropertySource(properties = "notifications.ephemeral.journal.text=300")
class JournalTextBoundTests extends SteeringTestSupport {

	@Test
	void theOldestRequestsGoPastTheBoundAndTheNewestStays() {
		long after = lastSequence();
		String basic = basic(ADMIN, ADMIN_PASSWORD);
		for (int i = 0; i < 5; i++) {
			// 105 characters each: two fit in 300, three do not
			get(COWORKERS + "?page=1&q" + i + "=" + "a".repeat(95), basic);
		}

		List<JsonNode> kept = journal("");
		assertThat(kept).extracting((record) -> record.get("Sequence").asLong()).containsExactly(after + 4, after + 5);
		assertThat(kept.get(1).get("Query").asString()).isEqualTo("page=1&q4=" + "a".repeat(95));

		String large = """
				{"Id":1,"CoworkerId":5,"Message":"%s","NotificationType":"blog","EntityId":1}"""
			.formatted("b".repeat(400));
		putJson(COWORKERS, large, basic);

		kept = journal("");
		assertThat(kept).extracting((record) -> record.get("Sequence").asLong()).containsExactly(after + 6);
		assertThat(kept.get(0).get("Body").asString()).isEqualTo(large);
		assertThat(kept.get(0).get("BodyTruncated").asBoolean()).isFalse();
	}

}
