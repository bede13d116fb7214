package io.notifications.coworkernotification;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;

/**
 * Failures nobody planned for are answered with the 500 envelope, never with a stack
 * trace, SQL or class name; the stack trace is the operator's, in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureTests extends ApiTestSupport {

	/** The resource's repository, which the tests make fail. */
	@MockitoSpyBean
	CoworkerNotificationRepository repository;

	@Test
	void unexpectedExceptionIsAnErrorEnvelopeWithoutDetails() {
		int id = createdId(CoworkerNotificationApiTests.BASE, CoworkerNotificationApiTests.VALID);
		willThrow(new IllegalStateException("boom in SELECT * FROM secrets")).given(this.repository).findAllById(any());

		Response response = get(CoworkerNotificationApiTests.BASE + "/?id=[" + id + "]", admin());

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(failure(500, "An error has occurred."));
	}

	@Test
	void unexpectedExceptionIsLoggedForTheOperatorWithItsStackTrace(CapturedOutput output) {
		int id = createdId(CoworkerNotificationApiTests.BASE, CoworkerNotificationApiTests.VALID);
		willThrow(new IllegalStateException("boom for the operator")).given(this.repository).findAllById(any());

		assertThat(get(CoworkerNotificationApiTests.BASE + "/?id=[" + id + "]", admin()).status()).isEqualTo(500);

		assertThat(output).contains(" ERROR ")
			.contains("java.lang.IllegalStateException: boom for the operator")
			.contains("\tat io.notifications.");
	}

	@Test
	void databaseFailureIsAnErrorEnvelopeWithoutSql() {
		willThrow(new DataIntegrityViolationException("could not execute statement [insert into ...]"))
			.given(this.repository)
			.save(any());

		Response response = postJson(CoworkerNotificationApiTests.BASE, CoworkerNotificationApiTests.VALID, admin());

		assertThat(response.status()).isEqualTo(500);
		assertThat(response.body()).isEqualTo(failure(500, "An error has occurred."));
	}

	@Test
	void lostOptimisticLockIsAConflictNotAnError() {
		willThrow(new ObjectOptimisticLockingFailureException(CoworkerNotification.class, 1)).given(this.repository)
			.save(any());

		Response response = postJson(CoworkerNotificationApiTests.BASE, CoworkerNotificationApiTests.VALID, admin());

		assertThat(response.status()).isEqualTo(409);
		assertThat(response.body())
			.isEqualTo(failure(409, "The record was changed by another request at the same time. Try again."));
	}

}
