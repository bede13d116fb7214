package io.notifications.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.notifications.NotificationsApplication;
import io.notifications.security.issuer.SigningKeys;
import io.notifications.support.EndToEnd;
import io.notifications.support.Http;
import io.notifications.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database with one signing key, configured as an operator would
 * before and after changing the users: {@code eve} removed, {@code dan} demoted from
 * Administrator to {@code SystemNotification-Read}, {@code pat}'s password changed. The
 * tokens the first instance issued meet the second's users; and a revocation on either is
 * honoured by the other within a second. Tokens come from {@code /api/token}, over real
 * HTTP.
 */
@TestInstance(Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@EndToEnd
class UserChangesTests {

	static final String CN = "/api/spaces/coworkernotifications";

	static final String SN = "/api/sys/systemnotifications";

	static final String FORM = "application/x-www-form-urlencoded";

	static final String UNAUTHORIZED = failure(401, "Authorization has been denied for this request.");

	static final String FORBIDDEN = failure(403, "You do not have permission to perform this action.");

	static final String BAD_REFRESH_TOKEN = """
			{"error":"invalid_grant","error_description":"The refresh token is invalid, expired or already used."}""";

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private String before;

	private String after;

	@BeforeAll
	void startBothInstances() throws IOException {
		Path key = Files.createDirectories(Path.of("target", "test-data", "user-changes-" + UUID.randomUUID()))
			.resolve("token-signing-key.json")
			.toAbsolutePath();
		SigningKeys.load(new FileSystemResource(key));
		List<String> database = database();
		this.instances.add(start(database, key,
				List.of(user("admin", "admin-secret", "Administrator"), user("eve", "eve-secret", "Administrator"),
						user("dan", "dan-secret", "Administrator"), user("pat", "old-secret", "Administrator"),
						user("sam", "sam-secret", "Administrator"))));
		this.instances.add(start(database, key,
				List.of(user("admin", "admin-secret", "Administrator"),
						user("dan", "dan-secret", "SystemNotification-Read"),
						user("pat", "new-secret", "Administrator"), user("sam", "sam-secret", "Administrator"))));
		this.before = baseUrl(this.instances.get(0));
		this.after = baseUrl(this.instances.get(1));
	}

	@AfterAll
	void stopInstances() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	/** The database both instances share: a named in-memory H2 database, one per JVM. */
	List<String> database() {
		return List.of(
				"--spring.datasource.url=jdbc:h2:mem:user-changes-" + UUID.randomUUID()
						+ ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
				"--spring.datasource.username=sa", "--spring.datasource.password=");
	}

	@Test
	void aRemovedUsersOldTokensAreRefused() throws IOException {
		JsonNode tokens = signIn(this.before, "eve", "eve-secret");

		assertThat(Http.get(this.before + CN, bearer(tokens)).status()).isEqualTo(200);
		assertRefused(Http.get(this.after + CN, bearer(tokens)));
		assertRefused(Http.postJson(this.after + CN, """
				{"CoworkerId":5,"Message":"m","NotificationType":"blog"}""", bearer(tokens)));
		assertThat(refresh(this.after, tokens).body()).isEqualTo(BAD_REFRESH_TOKEN);
	}

	@Test
	void aDemotedUsersOldTokenGets403WhereTheNewRoleDoesNotReach() throws IOException {
		JsonNode tokens = signIn(this.before, "dan", "dan-secret");
		Response created = Http.postJson(this.after + SN, """
				{"Title":"Outage","Severity":3,"StartTime":"2025-01-15T10:30:00Z","ShortDescription":"Short",\
				"Description":"Long","MessageType":1}""", bearer(signIn(this.after, "admin", "admin-secret")));
		assertThat(created.status()).as(created.body()).isEqualTo(200);
		int id = created.json().get("Value").get("Id").asInt();

		assertThat(Http.get(this.before + CN, bearer(tokens)).status()).isEqualTo(200);
		Response read = Http.get(this.after + SN + "/" + id, bearer(tokens));
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("Id").asInt()).isEqualTo(id);
		for (Response refused : List.of(Http.get(this.after + CN, bearer(tokens)),
				Http.get(this.after + SN, bearer(tokens)), Http.send("DELETE", this.after + SN + "/" + id, null,
						java.net.http.HttpRequest.BodyPublishers.noBody(), bearer(tokens)))) {
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.body()).isEqualTo(FORBIDDEN);
		}
		// and refreshing gives the new roles
		JsonNode refreshed = refresh(this.after, tokens).json();
		assertThat(refreshed.get("access_token").asString()).isNotEmpty();
		assertThat(Http.get(this.after + CN, bearer(refreshed)).status()).isEqualTo(403);
	}

	@Test
	void aTokenIssuedBeforeAPasswordChangeIsRefused() throws IOException {
		JsonNode tokens = signIn(this.before, "pat", "old-secret");

		assertThat(Http.get(this.before + CN, bearer(tokens)).status()).isEqualTo(200);
		assertRefused(Http.get(this.after + CN, bearer(tokens)));
		assertThat(refresh(this.after, tokens).body()).isEqualTo(BAD_REFRESH_TOKEN);
		assertThat(Http.postForm(this.after + "/api/token", "grant_type=password&username=pat&password=old-secret")
			.status()).isEqualTo(400);
		assertThat(Http.get(this.after + CN, bearer(signIn(this.after, "pat", "new-secret"))).status()).isEqualTo(200);
	}

	@Test
	void aRevokedAccessTokenIsRefusedOnBothInstancesWithinASecond() throws Exception {
		JsonNode tokens = signIn(this.before, "admin", "admin-secret");
		assertThat(Http.get(this.after + CN, bearer(tokens)).status()).isEqualTo(200);

		Response revoked = Http.postForm(this.before + "/api/token/revoke",
				"token=" + tokens.get("access_token").asString());
		long revokedAt = System.nanoTime();

		assertThat(revoked.status()).isEqualTo(200);
		assertRefused(Http.get(this.before + CN, bearer(tokens)));
		assertThat(millisUntilRefused(this.after, bearer(tokens), revokedAt)).isLessThan(1000);
		assertRefused(Http.get(this.after + CN, bearer(tokens)));
	}

	@Test
	void sessionsEndedOnOneInstanceEndOnTheOtherWithinASecond() throws Exception {
		JsonNode tokens = signIn(this.before, "sam", "sam-secret");
		assertThat(Http.get(this.before + CN, bearer(tokens)).status()).isEqualTo(200);

		Response ended = Http.send("POST", this.after + "/api/token/revoke-all", FORM,
				java.net.http.HttpRequest.BodyPublishers.ofString("user=sam"),
				"Bearer " + signIn(this.after, "admin", "admin-secret").get("access_token").asString());
		long endedAt = System.nanoTime();

		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		assertRefused(Http.get(this.after + CN, bearer(tokens)));
		assertThat(millisUntilRefused(this.before, bearer(tokens), endedAt)).isLessThan(1000);
		assertThat(refresh(this.before, tokens).body()).isEqualTo(BAD_REFRESH_TOKEN);
	}

	/**
	 * Asks with the token until it is refused (or five seconds pass); the time since
	 * {@code from}.
	 */
	private static long millisUntilRefused(String instance, String authorization, long from) throws Exception {
		long deadline = from + TimeUnit.SECONDS.toNanos(5);
		while (Http.get(instance + CN, authorization).status() == 200 && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - from);
	}

	private static void assertRefused(Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.body()).isEqualTo(UNAUTHORIZED);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
	}

	private static JsonNode signIn(String instance, String user, String password) throws IOException {
		Response response = Http.postForm(instance + "/api/token",
				"grant_type=password&username=" + user + "&password=" + password);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static Response refresh(String instance, JsonNode tokens) throws IOException {
		return Http.postForm(instance + "/api/token",
				"grant_type=refresh_token&refresh_token=" + tokens.get("refresh_token").asString());
	}

	private static String bearer(JsonNode tokens) {
		return "Bearer " + tokens.get("access_token").asString();
	}

	private static String[] user(String name, String password, String roles) {
		return new String[] { name, "{noop}" + password, roles };
	}

	private static ConfigurableApplicationContext start(List<String> database, Path key, List<String[]> users) {
		List<String> arguments = new ArrayList<>(database);
		arguments.addAll(List.of("--server.port=0", "--server.address=127.0.0.1", "--spring.jmx.enabled=false",
				"--notifications.security.token.key-location=file:" + key, "--notifications.rate-limit.enabled=false",
				"--notifications.security.login-throttle.enabled=false"));
		for (int i = 0; i < users.size(); i++) {
			arguments.add("--notifications.security.users[" + i + "].email=" + users.get(i)[0]);
			arguments.add("--notifications.security.users[" + i + "].password=" + users.get(i)[1]);
			arguments.add("--notifications.security.users[" + i + "].roles=" + users.get(i)[2]);
		}
		return new SpringApplicationBuilder(NotificationsApplication.class).run(arguments.toArray(String[]::new));
	}

	private static String baseUrl(ConfigurableApplicationContext instance) {
		return "http://127.0.0.1:" + instance.getEnvironment().getProperty("local.server.port");
	}

}
