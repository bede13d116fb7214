package io.notifications.coworkernotification;

import io.notifications.resource.ApiResource;
import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * Failures nobody planned for are answered with the 500 envelope, never with a stack trace, SQL
 * or class name.
 */
class UnexpectedFailureTests extends ApiTestSupport {

	/** The resource's declaration, whose mapping functions the tests make fail. */
	@MockitoSpyBean(name = "coworkerNotifications")
	ApiResource<CoworkerNotification, CoworkerNotificationRequest, CoworkerNotificationRecord> resource;

	@Test
	void unexpectedExceptionIsAnErrorEnvelopeWithoutDetails() {
		int id = createdId(CoworkerNotificationApiTests.BASE, CoworkerNotificationApiTests.VALID);
		given(this.resource.toRecord()).willReturn((notification) -> {
			throw new IllegalStateException("boom in SELECT * FROM secrets");
		});

		Response response = get(CoworkerNotificationApiTests.BASE + "/" + id, admin());

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(failure(500, "An error has occurred."));
	}

	@Test
	void databaseFailureIsAnErrorEnvelopeWithoutSql() {
		given(this.resource.toRecord()).willReturn((notification) -> {
			throw new DataIntegrityViolationException("could not execute statement [insert into ...]");
		});

		Response response = postJson(CoworkerNotificationApiTests.BASE, CoworkerNotificationApiTests.VALID, admin());

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(failure(500, "An error has occurred."));
	}

	@Test
	void lostOptimisticLockIsAConflictNotAnError() {
		given(this.resource.toRecord()).willReturn((notification) -> {
			throw new ObjectOptimisticLockingFailureException(CoworkerNotification.class, 1);
		});

		Response response = postJson(CoworkerNotificationApiTests.BASE, CoworkerNotificationApiTests.VALID, admin());

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.body())
			.isEqualTo(failure(409, "The record was changed by another request at the same time. Try again."));
	}

}
