package io.notifications.ratelimit;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.notifications.NotificationsApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Http;
import io.notifications.support.PostgresServer;
import io.notifications.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, with Nexudus's default limits, share one
 * caller's buckets: 60 writes through each in quick succession get about 60 accepted in
 * all, not 120.
 */
@TestInstance(Lifecycle.PER_CLASS)
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@EndToEnd
class SharedRateLimitTests {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String AUTHORIZATION = "Basic "
			+ Base64.getEncoder().encodeToString("admin@example.com:shared-secret".getBytes(StandardCharsets.UTF_8));

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private String database;

	@BeforeAll
	void startTwoInstances(@TempDir Path directory) {
		this.database = PostgresServer.newDatabase();
		for (int instance = 0; instance < 2; instance++) {
			this.instances.add(new SpringApplicationBuilder(NotificationsApplication.class).run(
					"--spring.profiles.active=postgres", "--spring.datasource.url=" + this.database,
					"--spring.datasource.username=" + PostgresServer.USER, "--spring.datasource.password=unused",
					"--server.port=0", "--server.address=127.0.0.1",
					"--notifications.security.token.key-location=file:"
							+ directory.resolve("key-" + instance + ".json"),
					"--notifications.security.users[0].email=admin@example.com",
					"--notifications.security.users[0].password={noop}shared-secret",
					"--notifications.security.users[0].roles=Administrator",
					"--notifications.security.users[1].email=flood@example.com",
					"--notifications.security.users[1].password={noop}flood-secret",
					"--notifications.security.users[1].roles=Administrator"));
		}
	}

	@AfterAll
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void bothInstancesDrawOnOneWriteBucket() throws Exception {
		int accepted = 0;
		int refused = 0;
		long start = System.nanoTime();
		for (int write = 0; write < 60; write++) {
			for (ConfigurableApplicationContext instance : this.instances) {
				Response response = Http.postJson(baseUrl(instance) + BASE, """
						{"CoworkerId":7,"Message":"w","NotificationType":"blog","EntityId":0}""", AUTHORIZATION);
				if (response.status() == 200) {
					accepted++;
				}
				else {
					assertThat(response.status()).as(response.body()).isEqualTo(429);
					assertThat(response.header("Retry-After")).isNotNull();
					refused++;
				}
			}
		}
		long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) + 1;

		// 60 a minute, refilling one a second while the test runs
		assertThat(accepted).isBetween(60, 60 + (int) seconds);
		assertThat(refused).isEqualTo(120 - accepted);
		JdbcTemplate jdbc = new JdbcTemplate(this.instances.get(0).getBean(javax.sql.DataSource.class));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coworker_notifications", Integer.class))
			.isEqualTo(accepted);
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM rate_limit_buckets WHERE id = 'writes:60/min,5000/day:user:admin@example.com'",
				Integer.class))
			.isEqualTo(1);
	}

	/**
	 * One caller's concurrent requests on an instance take their turn at its bucket in
	 * memory, one trip to the database at a time: each waited on the bucket's row lock,
	 * holding a pooled connection, and a flood by one caller held every connection.
	 */
	@Test
	void oneCallersFloodWaitsInMemoryNotOnTheBucketsRowLock() throws Exception {
		String flood = "Basic "
				+ Base64.getEncoder().encodeToString("flood@example.com:flood-secret".getBytes(StandardCharsets.UTF_8));
		String url = baseUrl(this.instances.get(0)) + BASE + "/1";
		RowLockWaits waits = RowLockWaits.watch(this.database);
		AtomicBoolean flooding = new AtomicBoolean(true);
		List<Thread> callers = new ArrayList<>();
		for (int caller = 0; caller < 16; caller++) {
			Thread thread = new Thread(() -> {
				while (flooding.get()) {
					try {
						Http.get(url, flood);
					}
					catch (Exception ex) {
						// the count below is what matters
					}
				}
			});
			thread.start();
			callers.add(thread);
		}
		try {
			// a flood of three seconds
			Thread.sleep(3000);
		}
		finally {
			flooding.set(false);
			for (Thread caller : callers) {
				caller.join();
			}
		}

		assertThat(waits.most()).isZero();
	}

	/**
	 * A stored bucket keeps the limits it was made with: an instance whose settings were
	 * changed kept the old limits while a caller stayed active.
	 */
	@Test
	void anInstanceWithOtherLimitsKeepsToItsOwn(@TempDir Path directory) throws Exception {
		try (ConfigurableApplicationContext other = new SpringApplicationBuilder(NotificationsApplication.class).run(
				"--spring.profiles.active=postgres", "--spring.datasource.url=" + this.database,
				"--spring.datasource.username=" + PostgresServer.USER, "--spring.datasource.password=unused",
				"--server.port=0", "--server.address=127.0.0.1",
				"--notifications.security.token.key-location=file:" + directory.resolve("key.json"),
				"--notifications.security.users[0].email=admin@example.com",
				"--notifications.security.users[0].password={noop}shared-secret",
				"--notifications.security.users[0].roles=Administrator",
				"--notifications.rate-limit.writes-per-minute=2")) {
			// writes that change nothing: deletions of a record that does not exist. The
			// first, through an instance with the defaults, stores the caller's buckets
			Http.send("DELETE", baseUrl(this.instances.get(0)) + BASE + "/987654", null,
					HttpRequest.BodyPublishers.noBody(), AUTHORIZATION);
			List<Integer> statuses = new ArrayList<>();
			for (int write = 0; write < 3; write++) {
				statuses.add(Http.send("DELETE", baseUrl(other) + BASE + "/987654", null,
						HttpRequest.BodyPublishers.noBody(), AUTHORIZATION)
					.status());
			}
			assertThat(statuses).containsExactly(404, 404, 429);
		}
	}

	private static String baseUrl(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
	}

}
