package io.notifications.database;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Boot's check waits for a pooled connection as long as a request would, longer than a
 * readiness probe should. Probes that arrive during a check wait for that one; details
 * are words, never an exception's class name.
 */
class BoundedDatabaseHealth implements HealthIndicator {

	static final String NO_ANSWER = "The database did not answer.";

	private static final Log logger = LogFactory.getLog(BoundedDatabaseHealth.class);

	private final HealthIndicator check;

	private final Duration bound;

	private final Executor executor;

	private final AtomicReference<CompletableFuture<Health>> running = new AtomicReference<>();

	/**
	 * The log says each change once, not each probe: Boot's check logs a WARN and a stack
	 * trace at every one (about a thousand lines in a 30 s outage).
	 */
	private final AtomicReference<Status> said = new AtomicReference<>(Status.UP);

	BoundedDatabaseHealth(HealthIndicator check, Duration bound, Executor executor) {
		this.check = check;
		this.bound = bound;
		this.executor = executor;
	}

	/**
	 * A request found the database away: the log says so now, not at the next readiness
	 * probe (there may be none), and {@link #watchWhileDown} says when it is back.
	 */
	void unavailable(Throwable failure) {
		if (this.said.compareAndSet(Status.UP, Status.DOWN)) {
			logger.warn("The database did not answer: readiness is DOWN (" + reason(failure) + ")");
		}
	}

	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
	void watchWhileDown() {
		if (!Status.UP.equals(this.said.get())) {
			health();
		}
	}

	/** The innermost message, on one line: the driver's words for what went wrong. */
	private static String reason(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return oneLine(root.getMessage());
	}

	private static String oneLine(Object message) {
		String line = String.valueOf(message).lines().findFirst().orElse("");
		return (line.length() > 200) ? line.substring(0, 200) + "..." : line;
	}

	@Override
	public Health health() {
		String reason;
		try {
			Health health = current().get(this.bound.toMillis(), TimeUnit.MILLISECONDS);
			if (Status.UP.equals(health.getStatus())) {
				if (!Status.UP.equals(this.said.getAndSet(Status.UP))) {
					logger.info("The database answers again: readiness is UP");
				}
				return health;
			}
			reason = oneLine(health.getDetails().get("error"));
		}
		catch (TimeoutException ex) {
			reason = "no answer within " + this.bound.toMillis() + " ms";
		}
		catch (ExecutionException ex) {
			reason = reason(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			reason = "interrupted";
		}
		if (!Status.DOWN.equals(this.said.getAndSet(Status.DOWN))) {
			logger.warn("The database did not answer: readiness is DOWN (" + reason + ")");
		}
		return Health.down().withDetail("error", NO_ANSWER).build();
	}

	private CompletableFuture<Health> current() {
		while (true) {
			CompletableFuture<Health> running = this.running.get();
			if (running != null) {
				return running;
			}
			CompletableFuture<Health> started = new CompletableFuture<>();
			if (this.running.compareAndSet(null, started)) {
				this.executor.execute(() -> {
					try {
						started.complete(this.check.health());
					}
					catch (RuntimeException ex) {
						started.completeExceptionally(ex);
					}
					finally {
						this.running.compareAndSet(started, null);
					}
				});
				return started;
			}
		}
	}

}
