package io.notifications.idempotency;

import java.util.List;

import io.notifications.resource.ResourceRepository;
import io.notifications.security.ResourceWebSlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * A create whose key a retry took over while it ran (its in-flight time passed) is
 * undone; its caller is told the key is in use, as a repeat in flight is, not the 500 of
 * an unexpected failure with an ERROR in the log.
 */
@ResourceWebSlice
class TakenOverWebTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	List<ResourceRepository<?>> repositories;

	@Test
	void aCreateWhoseKeyARetryTookOverIsA409() {
		given(this.keys.claim(any(), any(), any()))
			.willReturn(new IdempotencyKeys.Claimed("admin@example.com", "k-1", "first"));
		for (ResourceRepository<?> repository : this.repositories) {
			willAnswer((invocation) -> {
				Object created = invocation.getArgument(0);
				ReflectionTestUtils.setField(created, "id", 1);
				return created;
			}).given(repository).save(any());
		}
		willThrow(new IdempotencyKeys.TakenOver()).given(this.keys).complete(any(), anyInt(), any(), any());

		assertThat(this.mvc.post()
			.uri("/api/spaces/coworkernotifications")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"CoworkerId":5,"Message":"m","NotificationType":"blog","EntityId":1}""")
			.header("Idempotency-Key", "k-1")
			.with(httpBasic("admin@example.com", "admin-secret"))).hasStatus(409)
			.bodyText()
			.isEqualTo(failure(409, "Idempotency-Key", "is in use by a request still in progress",
					error("\"k-1\"", "is in use by a request still in progress", "Idempotency-Key")));
	}

}
