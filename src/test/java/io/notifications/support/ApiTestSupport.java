package io.notifications.support;

import java.util.LinkedHashMap;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.notifications.ephemeral.SteeredClock;
import io.notifications.resource.ResourceController;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-stack test base: the application on a random port with its real filter chain and
 * database, driven over real HTTP. Every test starts from empty tables.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ApiTestSupport.TestClock.class)
@EndToEnd
public abstract class ApiTestSupport {

	public static final String ADMIN = "admin@example.com";

	public static final String ADMIN_PASSWORD = "admin-secret";

	protected static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, String> tokens = new ConcurrentHashMap<>();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	/**
	 * The server's clock, which a test may fix or move; the system's again after each
	 * test.
	 */
	@Autowired
	protected SteeredClock clock;

	@AfterEach
	void systemTime() {
		this.clock.reset();
	}

	@Autowired
	private List<ResourceController<?, ?, ?>> resources;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private PlatformTransactionManager transactions;

	/** Every declared resource's records, and the refresh tokens. */
	@BeforeEach
	void emptyTables() {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			for (ResourceController<?, ?, ?> resource : this.resources) {
				String entity = this.entityManager.getMetamodel().entity(resource.declared().entityType()).getName();
				this.entityManager.createQuery("DELETE FROM " + entity).executeUpdate();
			}
		});
		this.jdbc.update("DELETE FROM refresh_tokens");
	}

	/**
	 * An {@code Authorization} header value with a bearer token that {@code /api/token}
	 * issued.
	 */
	protected String bearer(String email, String password) {
		return this.tokens.computeIfAbsent(email + ":" + password, (key) -> {
			Response response = postForm("/api/token",
					"grant_type=password&username=" + email + "&password=" + password);
			if (response.status() != 200) {
				throw new IllegalStateException("No token for " + email + ": " + response.body());
			}
			return "Bearer " + response.json().get("access_token").asString();
		});
	}

	/** A bearer token of the Administrator. */
	protected String admin() {
		return bearer(ADMIN, ADMIN_PASSWORD);
	}

	protected static String basic(String email, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	protected Response get(String path, String authorization) {
		return send("GET", path, null, (String) null, authorization);
	}

	protected Response delete(String path, String authorization) {
		return send("DELETE", path, null, (String) null, authorization);
	}

	protected Response putJson(String path, String json, String authorization) {
		return send("PUT", path, "application/json", json, authorization);
	}

	protected Response postJson(String path, String json, String authorization) {
		return send("POST", path, "application/json", json, authorization);
	}

	protected Response postForm(String path, String form) {
		return send("POST", path, "application/x-www-form-urlencoded", form, null);
	}

	protected Response send(String method, String path, String contentType, String body, String authorization) {
		return send(method, path, contentType,
				(body != null) ? BodyPublishers.ofString(body, StandardCharsets.UTF_8) : BodyPublishers.noBody(),
				authorization);
	}

	protected Response send(String method, String path, String contentType, BodyPublisher body, String authorization) {
		try {
			return Http.send(method, "http://localhost:" + this.port + path, contentType, body, authorization);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a request with more headers, such as {@code If-Match} or
	 * {@code Idempotency-Key}.
	 */
	protected Response send(String method, String path, String contentType, String body, String authorization,
			Map<String, String> headers) {
		try {
			return Http.send(method, "http://localhost:" + this.port + path, contentType,
					(body != null) ? BodyPublishers.ofString(body, StandardCharsets.UTF_8) : BodyPublishers.noBody(),
					authorization, headers);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Creates a record as the Administrator and answers its Id. */
	protected int createdId(String basePath, String body) {
		Response response = postJson(basePath, body, admin());
		if (response.status() != 200) {
			throw new IllegalStateException("Could not create at " + basePath + ": " + response.body());
		}
		return response.json().get("Value").get("Id").asInt();
	}

	/** Reads a record as the Administrator. */
	protected JsonNode readRecord(String basePath, int id) {
		Response response = get(basePath + "/" + id, admin());
		if (response.status() != 200) {
			throw new IllegalStateException("Could not read " + basePath + "/" + id + ": " + response.body());
		}
		return response.json();
	}

	/** The tables that a request with a body could change. */
	protected static final List<String> WRITABLE_TABLES = List.of("coworker_notifications", "system_notifications",
			"refresh_tokens", "token_revocations", "idempotency_keys");

	/**
	 * Every row of every table a request with a body could change, to compare before and
	 * after.
	 */
	protected Map<String, List<Map<String, Object>>> writableRows() {
		Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
		for (String table : WRITABLE_TABLES) {
			rows.put(table, this.jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1"));
		}
		return rows;
	}

	/**
	 * Sends a request that must be refused, and asserts its exact answer and that the
	 * record is the same after it as it was before it was sent.
	 */
	protected void assertRefusedAndUnchanged(String table, int id, Supplier<Response> request, int status,
			String body) {
		Map<String, Object> before = this.jdbc.queryForMap("SELECT * FROM " + table + " WHERE id = ?", id);
		Response response = request.get();
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).isEqualTo(body);
		assertThat(this.jdbc.queryForMap("SELECT * FROM " + table + " WHERE id = ?", id)).isEqualTo(before);
	}

	/** Reads a JSON text, for taking server-assigned values out of a response. */
	protected static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	/**
	 * The server's clock, movable by the tests; ephemeral mode has one of its own
	 * already.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@Profile("!ephemeral")
	static class TestClock {

		@Bean
		@Primary
		SteeredClock steeredClock() {
			return new SteeredClock(null);
		}

	}

}
