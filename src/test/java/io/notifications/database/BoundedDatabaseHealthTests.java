package io.notifications.database;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log's DOWN line says why, whoever found the outage first: a probe whose check did
 * not finish in time, or one that failed, as well as a request.
 */
@ExtendWith(OutputCaptureExtension.class)
class BoundedDatabaseHealthTests {

	private final ExecutorService executor = Executors.newSingleThreadExecutor();

	private final CountDownLatch hang = new CountDownLatch(1);

	@AfterEach
	void stop() {
		this.hang.countDown();
		this.executor.shutdownNow();
	}

	@Test
	void aCheckThatDoesNotFinishInTimeIsDownForNoAnswer(CapturedOutput output) {
		BoundedDatabaseHealth health = new BoundedDatabaseHealth(() -> {
			await();
			return Health.up().build();
		}, Duration.ofMillis(100), this.executor);

		assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(output.getOut())
			.contains("The database did not answer: readiness is DOWN (no answer within 100 ms)");
	}

	@Test
	void aCheckThatFailsIsDownForTheDriversReason(CapturedOutput output) {
		BoundedDatabaseHealth health = new BoundedDatabaseHealth(
				() -> Health.down(new SQLException("Connection refused\nmore")).build(), Duration.ofSeconds(5),
				this.executor);

		Health down = health.health();

		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsOnly(Map.entry("error", BoundedDatabaseHealth.NO_ANSWER));
		assertThat(output.getOut())
			.contains("The database did not answer: readiness is DOWN (java.sql.SQLException: Connection refused)\n");
	}

	private void await() {
		try {
			this.hang.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
