package io.notifications.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The requests the harness sends and the answers it reads, against the example bodies of
 * CONTRACT.md section 7, through a stand-in server.
 */
class ContractWireTests {

	/** The journal example of section 7, its elided {@code "Time":"...Z"} filled in. */
	static final String JOURNAL = """
			{"Records":[{"Sequence":1,"Time":"2025-01-15T10:30:00Z","Method":"PUT","Path":"/api/spaces/coworkernotifications","Query":null,"Caller":"a@example.com","Scheme":"Bearer","ContentType":"application/json","Body":"{...}","BodyTruncated":false,"Status":200,"DurationMs":3,"Fault":null}],"TotalItems":1}""";

	/** The request body example of section 7. */
	static final String FAULT_REQUEST = """
			{"Method":"PUT","Path":"/api/spaces/coworkernotifications","Caller":null,"Effect":"ServerError","Times":2}""";

	/** The stored rule example of section 7. */
	static final String FAULT_RULE = """
			{"Id":1,"Method":"PUT","Path":"/api/spaces/coworkernotifications","PathPrefix":null,"Caller":null,"Effect":"ServerError","Times":2,"Remaining":2,"Probability":1.0,"RetryAfterSeconds":null,"DelayMs":null}""";

	static final String CLOCK = """
			{"Now":"2025-01-15T10:30:00Z","Fixed":true}""";

	FakeServer server;

	Nexudus nexudus;

	@BeforeEach
	void start() throws Exception {
		this.server = new FakeServer();
		ServerConnection connection = new ServerConnection(this.server.baseUrl(), "admin@example.com", "secret");
		this.nexudus = new Nexudus(connection, List.of(ServerOptions.User.parse("admin@example.com:secret:Administrator"),
				ServerOptions.User.parse("reader@example.com:p:w,d:CoworkerNotification-Read")), null, null);
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void steersAsTheAdministratorWithBasic() {
		this.server.answer("GET", "/ephemeral/clock", 200, CLOCK);
		this.nexudus.clock().now();
		assertEquals("Basic " + Base64.getEncoder().encodeToString("admin@example.com:secret".getBytes()),
				this.server.last().authorization());
	}

	@Test
	void addsTheContractsExampleRule() {
		this.server.answer("POST", "/ephemeral/faults", 200, FAULT_RULE);
		FaultRule rule = this.nexudus.faults()
			.add(Fault.serverError().method("put").path("/api/spaces/coworkernotifications").times(2));
		FakeServer.Received sent = this.server.last();
		assertEquals("POST", sent.method());
		assertEquals("/ephemeral/faults", sent.path());
		assertEquals("application/json", sent.contentType());
		// the example sends "Caller":null, which means the same as leaving it out
		assertEquals(withoutNulls(FAULT_REQUEST), Json.parse(sent.body()));
		assertEquals(new FaultRule(1, "PUT", "/api/spaces/coworkernotifications", null, null, "ServerError", 2, 2, 1.0, null,
				null), rule);
	}

	@Test
	void sendsEveryEffectAndMatcherUnderTheContractsNames() {
		assertEquals("{\"Effect\":\"RateLimited\",\"Times\":1,\"RetryAfterSeconds\":30}",
				Json.write(Fault.rateLimited(30).toJson()));
		assertEquals("{\"Effect\":\"RateLimited\",\"Times\":1}", Json.write(Fault.rateLimited().toJson()));
		assertEquals("{\"Effect\":\"Unavailable\",\"Times\":1,\"RetryAfterSeconds\":5}", Json.write(Fault.unavailable(5).toJson()));
		assertEquals("{\"Effect\":\"Delay\",\"Times\":1,\"DelayMs\":1500}", Json.write(Fault.delay(Duration.ofMillis(1500)).toJson()));
		assertEquals("{\"Effect\":\"Drop\",\"Times\":1}", Json.write(Fault.drop().toJson()));
		assertEquals("{\"PathPrefix\":\"/api/sys/\",\"Caller\":\"a@example.com\",\"Effect\":\"ServerError\",\"Times\":3,\"Probability\":0.25}",
				Json.write(Fault.serverError().pathPrefix("/api/sys/").caller("a@example.com").times(3).probability(0.25).toJson()));
	}

	@Test
	void refusesRulesTheContractRefuses() {
		assertThrows(IllegalArgumentException.class, () -> Fault.serverError().times(0));
		assertThrows(IllegalArgumentException.class, () -> Fault.serverError().probability(1.5));
		assertThrows(IllegalArgumentException.class, () -> Fault.rateLimited(0));
		assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ofSeconds(61)));
		assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ZERO));
	}

	@Test
	void listsRemovesAndClearsRules() {
		this.server.answer("GET", "/ephemeral/faults", 200, "{\"Records\":[" + FAULT_RULE + "],\"TotalItems\":1}")
			.answer("DELETE", "/ephemeral/faults/1", 204, "")
			.answer("DELETE", "/ephemeral/faults", 204, "");
		List<FaultRule> rules = this.nexudus.faults().list();
		assertEquals(1, rules.size());
		this.nexudus.faults().remove(rules.get(0));
		assertEquals("DELETE /ephemeral/faults/1", this.server.last().method() + " " + this.server.last().path());
		this.nexudus.faults().clear();
		assertEquals("DELETE /ephemeral/faults", this.server.last().method() + " " + this.server.last().path());
		assertNull(this.server.last().body());
	}

	@Test
	void anUnknownRuleIsAnErrorNamingTheServersMessage() {
		this.server.answer("DELETE", "/ephemeral/faults/9", 404,
				"{\"Status\":404,\"Message\":\"Id: was not found\",\"Value\":null,\"Errors\":[{\"AttemptedValue\":9,\"Message\":\"was not found\",\"PropertyName\":\"Id\"}],\"WasSuccessful\":false}");
		NotificationsServerException error = assertThrows(NotificationsServerException.class,
				() -> this.nexudus.faults().remove(9));
		assertEquals(404, error.status());
		assertTrue(error.getMessage().startsWith("DELETE /ephemeral/faults/9 answered 404: Id: was not found"), error.getMessage());
		assertFalse(error.getMessage().contains("no such steering endpoint"), error.getMessage());
	}

	@Test
	void aServerWithoutTheSteeringApiIsNamedAsSuch() {
		NotificationsServerException error = assertThrows(NotificationsServerException.class,
				() -> this.nexudus.requests().list());
		assertTrue(error.getMessage().contains("no such steering endpoint"), error.getMessage());
	}

	@Test
	void readsTheContractsExampleJournal() {
		this.server.answer("GET", "/ephemeral/requests", 200, JOURNAL);
		List<RecordedRequest> records = this.nexudus.requests().list();
		assertEquals(List.of(new RecordedRequest(1, Instant.parse("2025-01-15T10:30:00Z"), "PUT",
				"/api/spaces/coworkernotifications", null, "a@example.com", "Bearer", "application/json", "{...}", false, 200,
				3, null)), records);
	}

	@Test
	void readsAFaultedRequest() {
		this.server.answer("GET", "/ephemeral/requests", 200, JOURNAL.replace("\"Status\":200", "\"Status\":500")
			.replace("\"Fault\":null", "\"Fault\":{\"Id\":4,\"Effect\":\"ServerError\"}"));
		RecordedRequest request = this.nexudus.requests().assertOne();
		assertEquals(new RecordedRequest.AppliedFault(4, "ServerError"), request.fault());
		assertEquals("#1 PUT /api/spaces/coworkernotifications -> 500 by a@example.com (fault 4 ServerError)", request.summary());
	}

	@Test
	void readsPropertyNamesInAnyCase() {
		this.server.answer("GET", "/ephemeral/clock", 200, "{\"now\":\"2025-01-15T10:30:00Z\",\"FIXED\":false}");
		assertEquals(new ClockReading(Instant.parse("2025-01-15T10:30:00Z"), false), this.nexudus.clock().read());
	}

	@Test
	void sendsEveryFilterAsTheContractNamesIt() {
		this.server.answer("GET", "/ephemeral/requests", 200, "{\"Records\":[],\"TotalItems\":0}");
		this.nexudus.requests()
			.method("put")
			.path("/api/spaces/coworkernotifications")
			.pathPrefix("/api/")
			.caller("a+b@example.com")
			.status(200)
			.since(Instant.parse("2025-01-15T10:30:00Z"))
			.after(41)
			.assertNone();
		FakeServer.Received sent = this.server.last();
		assertEquals("GET", sent.method());
		assertEquals("/ephemeral/requests", sent.path());
		assertEquals("method=PUT&path=%2Fapi%2Fspaces%2Fcoworkernotifications&path_prefix=%2Fapi%2F&caller=a%2Bb%40example.com"
				+ "&status=200&since=2025-01-15T10%3A30%3A00Z&after=41", sent.rawQuery());
	}

	@Test
	void assertionsSayWhatTheyFound() {
		this.server.answer("GET", "/ephemeral/requests", 200, JOURNAL);
		AssertionFailedError error = assertThrows(AssertionFailedError.class,
				() -> this.nexudus.requests().method("PUT").assertNone());
		assertEquals("Expected 0 requests matching method=PUT in the server's journal, found 1:\n"
				+ "  #1 PUT /api/spaces/coworkernotifications -> 200 by a@example.com", error.getMessage());
		assertEquals(1, this.nexudus.requests().assertCount(1).size());
		assertThrows(AssertionFailedError.class, () -> this.nexudus.requests().assertCount(2));
	}

	@Test
	void clearsTheJournalOnlyWhole() {
		this.server.answer("DELETE", "/ephemeral/requests", 204, "");
		this.nexudus.requests().clear();
		assertEquals("DELETE /ephemeral/requests", this.server.last().method() + " " + this.server.last().path());
		assertThrows(IllegalStateException.class, () -> this.nexudus.requests().method("PUT").clear());
	}

	@Test
	void setsAndAdvancesTheClockWithTheContractsBodies() {
		this.server.answer("POST", "/ephemeral/clock", 200, CLOCK);
		ClockReading reading = this.nexudus.clock().set(Instant.parse("2025-01-15T10:30:00Z"));
		assertEquals(Map.of("Now", "2025-01-15T10:30:00Z"), Json.parse(this.server.last().body()));
		assertEquals(new ClockReading(Instant.parse("2025-01-15T10:30:00Z"), true), reading);
		this.nexudus.clock().advance(Duration.ofHours(1));
		assertEquals(Map.of("AdvanceSeconds", 3600L), Json.parse(this.server.last().body()));
		assertThrows(IllegalArgumentException.class, () -> this.nexudus.clock().advance(Duration.ofMillis(1500)));
	}

	@Test
	void letsTheClockRunWithTheSystemTimeAgainAndTakesNewTokens() {
		this.server.answer("POST", "/api/token", 200, "{\"access_token\":\"eyJ.a.b\"}");
		this.nexudus.token("reader@example.com");
		this.server.answer("DELETE", "/ephemeral/clock", 200, """
				{"Now":"2026-12-07T19:45:12.123456Z","Fixed":false}""");
		assertEquals(new ClockReading(Instant.parse("2026-12-07T19:45:12.123456Z"), false),
				this.nexudus.clock().useSystemTime());
		assertEquals("DELETE /ephemeral/clock", this.server.last().method() + " " + this.server.last().path());
		assertNull(this.server.last().body());
		this.nexudus.token("reader@example.com");
		assertEquals(3, this.server.received.size(), "a new token after the clock changed");
	}

	@Test
	void getsATokenWithThePasswordGrantOncePerUser() {
		this.server.answer("POST", "/api/token", 200,
				"{\"access_token\":\"eyJ.a.b\",\"token_type\":\"bearer\",\"expires_in\":604799,\"refresh_token\":\"r\"}");
		assertEquals("eyJ.a.b", this.nexudus.token("reader@example.com"));
		FakeServer.Received sent = this.server.last();
		assertEquals("application/x-www-form-urlencoded", sent.contentType());
		assertEquals("grant_type=password&username=reader%40example.com&password=p%3Aw%2Cd", sent.body());
		assertNull(sent.authorization());
		assertEquals("Bearer eyJ.a.b", this.nexudus.bearer("READER@example.com"));
		assertEquals(1, this.server.received.size(), "the token is kept");
		this.server.answer("POST", "/ephemeral/clock", 200, CLOCK);
		this.nexudus.clock().advance(Duration.ofDays(8));
		this.nexudus.token("reader@example.com");
		assertEquals(3, this.server.received.size(), "a new token after the clock moved");
		assertThrows(IllegalArgumentException.class, () -> this.nexudus.token("nobody@example.com"));
	}

	@Test
	void aRefusedTokenSaysWhy() {
		this.server.answer("POST", "/api/token", 400,
				"{\"error\":\"invalid_grant\",\"error_description\":\"The user name or password is incorrect.\"}");
		NotificationsServerException error = assertThrows(NotificationsServerException.class,
				() -> this.nexudus.token("admin@example.com"));
		assertEquals("POST /api/token for admin@example.com answered 400: invalid_grant (The user name or password is incorrect.)",
				error.getMessage());
	}

	@Test
	void resets() {
		this.server.answer("POST", "/ephemeral/reset", 200, "{}");
		this.nexudus.reset();
		assertEquals("POST /ephemeral/reset", this.server.last().method() + " " + this.server.last().path());
		this.server.answer("POST", "/ephemeral/reset", 403, "{\"Status\":403,\"Message\":\"Forbidden.\",\"Errors\":[]}");
		assertThrows(NotificationsServerException.class, () -> this.nexudus.reset());
	}

	private static Map<String, Object> withoutNulls(String json) {
		@SuppressWarnings("unchecked")
		Map<String, Object> object = new LinkedHashMap<>((Map<String, Object>) Json.parse(json));
		object.values().removeIf((value) -> value == null);
		return object;
	}

}
