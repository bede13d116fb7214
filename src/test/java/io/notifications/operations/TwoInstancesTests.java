package io.notifications.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static io.notifications.operations.CrashDurabilityTests.writable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one PostgreSQL database, configured with one
 * signing key, as behind a load balancer: either accepts the other's tokens, a refresh
 * token spent on one is spent on both, and concurrent replacements of one record through
 * both stay whole.
 */
@TestInstance(Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@EndToEnd
class TwoInstancesTests {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String ADMIN = "admin@example.com";

	static final String PASSWORD = "two-instances-secret";

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private String first;

	private String second;

	@BeforeAll
	void startTwoInstancesTogether(@TempDir Path directory) throws Exception {
		Path key = directory.resolve("token-signing-key.pem");
		Files.writeString(key, newPrivateKeyPem(), StandardCharsets.US_ASCII);
		String database = PostgresServer.newDatabase();
		ExecutorService starter = Executors.newFixedThreadPool(2);
		try {
			// both migrate the empty database at once, as replicas that start together do
			List<Future<ConfigurableApplicationContext>> started = List.of(starter.submit(() -> start(database, key)),
					starter.submit(() -> start(database, key)));
			for (Future<ConfigurableApplicationContext> instance : started) {
				this.instances.add(instance.get(3, TimeUnit.MINUTES));
			}
		}
		finally {
			starter.shutdown();
		}
		this.first = baseUrl(this.instances.get(0));
		this.second = baseUrl(this.instances.get(1));
	}

	@AfterAll
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void eitherInstanceAcceptsTheTokensTheOtherIssued() throws IOException {
		String fromFirst = bearer(tokens(this.first).get("access_token").asString());
		String fromSecond = bearer(tokens(this.second).get("access_token").asString());
		int id = create(this.first, fromFirst);

		Response onSecond = Http.get(this.second + BASE + "/" + id, fromFirst);
		Response onFirst = Http.get(this.first + BASE + "/" + id, fromSecond);

		assertThat(onSecond.status()).isEqualTo(200);
		assertThat(onSecond.json().get("Id").asInt()).isEqualTo(id);
		assertThat(onFirst.status()).isEqualTo(200);
		assertThat(onFirst.body()).isEqualTo(onSecond.body());
	}

	@Test
	void aRefreshTokenRotatedOnOneInstanceIsRefusedOnTheOther() throws IOException {
		String refreshToken = tokens(this.first).get("refresh_token").asString();

		Response rotated = refresh(this.first, refreshToken);
		Response replayed = refresh(this.second, refreshToken);

		assertThat(rotated.status()).isEqualTo(200);
		assertThat(replayed.status()).isEqualTo(400);
		assertThat(replayed.body()).isEqualTo(
				"""
						{"error":"invalid_grant","error_description":"The refresh token is invalid, expired or already used."}""");
		// and the new one works on the other instance, once
		String newRefreshToken = rotated.json().get("refresh_token").asString();
		assertThat(refresh(this.second, newRefreshToken).status()).isEqualTo(200);
		assertThat(refresh(this.first, newRefreshToken).status()).isEqualTo(400);
	}

	@Test
	void concurrentReplacementsThroughBothInstancesStayWholeAndSucceed() throws Exception {
		String authorization = bearer(tokens(this.first).get("access_token").asString());
		int id = create(this.first, authorization);
		int writersPerInstance = 2;
		int updatesPerWriter = 30;
		Map<Map<String, Object>, Boolean> sent = new ConcurrentHashMap<>();
		sent.put(writable(Http.get(this.first + BASE + "/" + id, authorization).json()), true);
		List<String> failures = new ArrayList<>();
		Set<Map<String, Object>> observed = ConcurrentHashMap.newKeySet();
		AtomicBoolean writing = new AtomicBoolean(true);

		ExecutorService clients = Executors.newFixedThreadPool(2 * writersPerInstance + 2);
		List<Future<?>> writers = new ArrayList<>();
		for (int writer = 0; writer < 2 * writersPerInstance; writer++) {
			int w = writer;
			String instance = (writer % 2 == 0) ? this.first : this.second;
			writers.add(clients.submit(() -> {
				for (int update = 1; update <= updatesPerWriter; update++) {
					String body = CrashDurabilityTests.body(id, w, update);
					sent.put(writable(CrashDurabilityTests.json(body)), true);
					Response response = Http.putJson(instance + BASE, body, authorization);
					if (response.status() != 200) {
						synchronized (failures) {
							failures.add("PUT " + response.status() + " " + response.body());
						}
					}
				}
				return null;
			}));
		}
		List<Future<?>> readers = new ArrayList<>();
		for (String instance : List.of(this.first, this.second)) {
			readers.add(clients.submit(() -> {
				while (writing.get()) {
					Response response = Http.get(instance + BASE + "/" + id, authorization);
					if (response.status() != 200) {
						synchronized (failures) {
							failures.add("GET " + response.status() + " " + response.body());
						}
					}
					observed.add(writable(response.json()));
				}
				return null;
			}));
		}
		for (Future<?> writer : writers) {
			writer.get(3, TimeUnit.MINUTES);
		}
		writing.set(false);
		for (Future<?> reader : readers) {
			reader.get(1, TimeUnit.MINUTES);
		}
		clients.shutdown();
		observed.add(writable(Http.get(this.second + BASE + "/" + id, authorization).json()));

		assertThat(failures).isEmpty();
		// every state either instance ever showed is exactly one request's full body
		assertThat(sent.keySet()).containsAll(observed);
		assertThat(observed).hasSizeGreaterThan(1);
	}

	@Test
	void anIdempotencyKeyIsHonouredByBothInstances() throws Exception {
		String authorization = bearer(tokens(this.first).get("access_token").asString());
		String body = CrashDurabilityTests.body(null, 77, 0);
		Map<String, String> key = Map.of("Idempotency-Key", "two-instances-" + System.nanoTime());
		int before = count(authorization);

		// the same create sent through both instances at once, then retried on each
		ExecutorService clients = Executors.newFixedThreadPool(2);
		List<Future<Response>> racing = new ArrayList<>();
		for (String instance : List.of(this.first, this.second)) {
			racing.add(clients.submit(() -> Http.send("POST", instance + BASE, "application/json",
					java.net.http.HttpRequest.BodyPublishers.ofString(body), authorization, key)));
		}
		clients.shutdown();
		List<Response> answers = new ArrayList<>();
		for (Future<Response> answer : racing) {
			answers.add(answer.get(1, TimeUnit.MINUTES));
		}
		Response onFirst = Http.send("POST", this.first + BASE, "application/json",
				java.net.http.HttpRequest.BodyPublishers.ofString(body), authorization, key);
		Response onSecond = Http.send("POST", this.second + BASE, "application/json",
				java.net.http.HttpRequest.BodyPublishers.ofString(body), authorization, key);

		for (Response answer : answers) {
			assertThat(answer.status()).as(answer.body()).isIn(200, 409);
		}
		assertThat(onFirst.status()).isEqualTo(200);
		assertThat(onSecond.body()).isEqualTo(onFirst.body());
		assertThat(answers.stream().filter((answer) -> answer.status() == 200).map(Response::body))
			.allMatch(onFirst.body()::equals);
		assertThat(count(authorization)).isEqualTo(before + 1);
	}

	private int count(String authorization) throws IOException {
		return Http.get(this.first + BASE + "?size=1", authorization).json().get("TotalItems").asInt();
	}

	private static ConfigurableApplicationContext start(String database, Path key) {
		return new SpringApplicationBuilder(NotificationsApplication.class).run("--spring.profiles.active=postgres",
				"--spring.datasource.url=" + database, "--spring.datasource.username=" + PostgresServer.USER,
				"--spring.datasource.password=unused", "--server.port=0", "--server.address=127.0.0.1",
				"--notifications.security.token.key-location=file:" + key,
				"--notifications.security.users[0].email=" + ADMIN,
				"--notifications.security.users[0].password={noop}" + PASSWORD,
				"--notifications.security.users[0].roles=Administrator", "--notifications.rate-limit.enabled=false");
	}

	private static String baseUrl(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
	}

	private static JsonNode tokens(String instance) throws IOException {
		Response response = Http.postForm(instance + "/api/token",
				"grant_type=password&username=" + ADMIN + "&password=" + PASSWORD);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static Response refresh(String instance, String refreshToken) throws IOException {
		return Http.postForm(instance + "/api/token", "grant_type=refresh_token&refresh_token=" + refreshToken);
	}

	private static int create(String instance, String authorization) throws IOException {
		Response response = Http.postJson(instance + BASE, CrashDurabilityTests.body(null, 99, 0), authorization);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("Value").get("Id").asInt();
	}

	private static String bearer(String token) {
		return "Bearer " + token;
	}

	/**
	 * A new RSA key as an operator would provision it: PKCS#8 PEM, shared by every
	 * instance.
	 */
	private static String newPrivateKeyPem() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
	}

}
