package io.notifications.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentest4j.AssertionFailedError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extension with the real server: started once, reset before each test, tokens per user. */
@NotificationsServer(users = { "admin@example.com:secret:Administrator", "reader@example.com:r,e:ad:CoworkerNotification-Read" },
		fixtures = "src/test/resources/fixtures.json")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealServerTests {

	static final HttpClient http = HttpClient.newHttpClient();

	static Nexudus first;

	@BeforeAll
	static void needsTheJar() {
		RealServer.assumeJar();
	}

	@Test
	@Order(1)
	void updatesAFixture(Nexudus nexudus) throws Exception {
		first = nexudus;
		HttpResponse<String> put = http.send(HttpRequest.newBuilder(nexudus.url("/api/spaces/coworkernotifications"))
			.header("Authorization", nexudus.bearer("admin@example.com"))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("""
					{"Id":7,"CoworkerId":5,"Message":"Your invoice is paid","NotificationType":"coworkerinvoice","EntityId":42}"""))
			.build(), BodyHandlers.ofString());
		assertEquals(200, put.statusCode(), put.body());
		assertEquals("Your invoice is paid", message(nexudus));
	}

	@Test
	@Order(2)
	void startsEachTestFromTheFixtures(Nexudus nexudus) throws Exception {
		assertSame(first, nexudus, "one server for the run");
		assertEquals("Your invoice is ready", message(nexudus));
	}

	@Test
	@Order(3)
	void keepsATokenPerUser(Nexudus nexudus) throws Exception {
		assertEquals(nexudus.token("admin@example.com"), nexudus.token("admin@example.com"));
		assertNotEquals(nexudus.token("admin@example.com"), nexudus.token("reader@example.com"));
		HttpResponse<String> get = http.send(HttpRequest.newBuilder(nexudus.url("/api/spaces/coworkernotifications/7"))
			.header("Authorization", nexudus.bearer("reader@example.com"))
			.build(), BodyHandlers.ofString());
		assertEquals(200, get.statusCode(), get.body());
		HttpResponse<String> put = http.send(HttpRequest.newBuilder(nexudus.url("/api/spaces/coworkernotifications"))
			.header("Authorization", nexudus.basic("reader@example.com"))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("{\"Id\":7}"))
			.build(), BodyHandlers.ofString());
		assertEquals(403, put.statusCode(), put.body());
	}

	@Test
	@Order(4)
	void resetsOnRequest(Nexudus nexudus) throws Exception {
		updatesAFixture(nexudus);
		nexudus.reset();
		assertEquals("Your invoice is ready", message(nexudus));
	}

	@Test
	@Order(5)
	void hasItsBaseUrlAndLog(Nexudus nexudus) {
		assertTrue(nexudus.baseUrl().toString().matches("http://127\\.0\\.0\\.1:\\d+"), nexudus.baseUrl().toString());
		assertTrue(nexudus.log().isPresent());
	}

	@Test
	@Order(6)
	void startsOnTheBeanDefinitionsWorkedOutWhenTheJarWasBuilt(Nexudus nexudus) throws Exception {
		String log = Files.readString(nexudus.log().orElseThrow());
		assertTrue(log.contains("Starting AOT-processed NotificationsApplication"), log);
	}

	@Test
	@Order(7)
	void anAssertionThatFindsNothingShowsWhatTheJournalHolds(Nexudus nexudus) throws Exception {
		message(nexudus);
		AssertionFailedError error = assertThrows(AssertionFailedError.class,
				() -> nexudus.requests().method("DELETE").assertOne());
		assertTrue(error.getMessage()
			.startsWith("Expected 1 request matching method=DELETE in the server's journal, found none; it holds "), error.getMessage());
		assertTrue(error.getMessage().contains("GET /api/spaces/coworkernotifications/7 -> 200 by admin@example.com"),
				error.getMessage());
	}

	@Test
	@Order(8)
	void revokesTheTokenItKeepsForAUser(Nexudus nexudus) throws Exception {
		HttpResponse<String> revoke = http.send(HttpRequest.newBuilder(nexudus.url("/api/token/revoke"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("token=" + nexudus.token("admin@example.com")))
			.build(), BodyHandlers.ofString());
		assertEquals(200, revoke.statusCode(), revoke.body());
		HttpResponse<String> refused = http.send(HttpRequest.newBuilder(nexudus.url("/api/spaces/coworkernotifications/7"))
			.header("Authorization", nexudus.bearer("admin@example.com"))
			.build(), BodyHandlers.ofString());
		assertEquals(401, refused.statusCode(), refused.body());
	}

	@Test
	@Order(9)
	void usesTheKeptTokenAgainAfterTheResetThatFollowsItsRevocation(Nexudus nexudus) throws Exception {
		assertEquals("Your invoice is ready", message(nexudus));
	}

	@Test
	@Order(10)
	void stopsTheClockAndLetsItRunWithTheSystemTimeAgain(Nexudus nexudus) throws Exception {
		nexudus.clock().set(Instant.parse("2025-01-15T10:30:00Z"));
		assertEquals("Your invoice is ready", message(nexudus));
		ClockReading running = nexudus.clock().useSystemTime();
		assertFalse(running.fixed());
		assertTrue(running.now().isAfter(Instant.now().minusSeconds(60)), running.toString());
		// the token taken at the stopped time has expired by now: the extension takes another
		assertEquals("Your invoice is ready", message(nexudus));
	}

	/**
	 * What the extension does before each test, after a test that stopped the clock and took tokens
	 * at the stopped time: the clock runs again, and the tokens the next test uses were taken before
	 * its journal and its fault rules began.
	 */
	@Test
	@Order(11)
	void startsEachTestWithTheClockAsTheServerStartedAndItsTokensTaken(Nexudus nexudus) throws Exception {
		nexudus.clock().set(Instant.parse("2025-01-15T10:30:00Z"));
		message(nexudus);
		nexudus.startTest();

		ClockReading reading = nexudus.clock().read();
		assertFalse(reading.fixed(), reading.toString());
		assertTrue(reading.now().isAfter(Instant.now().minusSeconds(60)), reading.toString());
		nexudus.faults().add(Fault.serverError().path("/api/token"));
		assertEquals("Your invoice is ready", message(nexudus));
		assertEquals(200, http.send(HttpRequest.newBuilder(nexudus.url("/api/spaces/coworkernotifications/7"))
			.header("Authorization", nexudus.bearer("reader@example.com"))
			.build(), BodyHandlers.ofString()).statusCode());
		assertEquals(List.of("GET /api/spaces/coworkernotifications/7", "GET /api/spaces/coworkernotifications/7"),
				nexudus.requests().list().stream().map((request) -> request.method() + " " + request.path()).toList());
	}

	@Nested
	class InANestedClass {

		@Test
		void sharesTheServer(Nexudus nexudus) throws Exception {
			assertEquals("Your invoice is ready", message(nexudus));
			if (first != null) {
				assertSame(first, nexudus);
			}
		}

	}

	static String message(Nexudus nexudus) throws Exception {
		HttpResponse<String> get = http.send(HttpRequest.newBuilder(nexudus.url("/api/spaces/coworkernotifications/7"))
			.header("Authorization", nexudus.bearer("admin@example.com"))
			.build(), BodyHandlers.ofString());
		assertEquals(200, get.statusCode(), get.body());
		Object message = JsonFields.of(Json.parse(get.body()), "The record").string("Message");
		return (String) message;
	}


}
