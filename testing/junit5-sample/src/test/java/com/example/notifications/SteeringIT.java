package com.example.notifications;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.notifications.testing.ClockReading;
import io.notifications.testing.Fault;
import io.notifications.testing.FaultRule;
import io.notifications.testing.Nexudus;
import io.notifications.testing.NotificationsExtension;
import io.notifications.testing.NotificationsServerException;
import io.notifications.testing.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.example.notifications.TestServer.ADMIN;
import static com.example.notifications.TestServer.PATH;
import static com.example.notifications.TestServer.READER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's retries and the server's view of them, with the steering API of CONTRACT.md section
 * 7: the journal of requests, fault rules and the clock. Tagged "steering": the repository's build
 * runs these separately from the other tests until the server implements that API.
 */
@Tag("steering")
class SteeringIT {

	@RegisterExtension
	static NotificationsExtension server = TestServer.extension();

	static final HttpClient http = HttpClient.newHttpClient();

	static final String UPDATE = "{\"Id\":7,\"CoworkerId\":5,\"Message\":\"Paid\",\"NotificationType\":\"coworkerinvoice\",\"EntityId\":42}";

	static NotificationClient client(Nexudus nexudus) {
		return new NotificationClient(nexudus.baseUrl(), nexudus.bearer(ADMIN), 3, Duration.ofMillis(200));
	}

	@Nested
	class Journal {

		@Test
		void recordsTheClientsRequest(Nexudus nexudus) throws Exception {
			client(nexudus).update(7, 5, "Paid", "coworkerinvoice", 42);
			RecordedRequest put = nexudus.requests().method("PUT").path(PATH).assertOne();
			assertEquals(ADMIN, put.caller());
			assertEquals("Bearer", put.scheme());
			assertEquals("application/json", put.contentType());
			assertTrue(put.body().contains("\"Message\":\"Paid\""), put.body());
			assertFalse(put.bodyTruncated());
			assertEquals(200, put.status());
			assertNull(put.query());
			assertNull(put.fault());
			assertTrue(put.sequence() >= 1);
		}

		@Test
		void countsAndFilters(Nexudus nexudus) throws Exception {
			NotificationClient client = client(nexudus);
			client.get(7);
			client.get(7);
			RecordedRequest last = nexudus.requests().method("GET").assertCount(2).get(1);
			client.update(7, 5, "Paid", "coworkerinvoice", 42);
			nexudus.requests().after(last).assertCount(1);
			nexudus.requests().method("PUT").path(PATH).status(200).caller(ADMIN).assertOne();
			nexudus.requests().pathPrefix("/api/spaces/").assertCount(3);
			nexudus.requests().caller(READER).assertNone();
			nexudus.requests().method("DELETE").assertNone();
		}

		@Test
		void neverRecordsCredentials(Nexudus nexudus) throws Exception {
			// a token request of its own: nexudus.token(...) may answer from the harness's cache
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(nexudus.url("/api/token"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString("grant_type=password&username=reader%40example.com&password=reader"))
				.build(), BodyHandlers.ofString());
			assertEquals(200, answer.statusCode(), answer.body());
			RecordedRequest token = nexudus.requests().path("/api/token").assertOne();
			assertNull(token.caller());
			assertTrue(token.body().contains("password=***"), token.body());
			assertFalse(token.body().contains("reader&"), token.body());
		}

		@Test
		void recordsTheQueryAsReceived(Nexudus nexudus) throws Exception {
			http.send(HttpRequest.newBuilder(nexudus.url(PATH + "/?id=%5B7,8%5D")).header("Authorization", nexudus.bearer(ADMIN)).build(),
					BodyHandlers.ofString());
			// raw, not decoded
			assertEquals("id=%5B7,8%5D", nexudus.requests().method("GET").assertOne().query());
		}

		@Test
		void leavesOutTheSteeringCallsAndTheReset(Nexudus nexudus) {
			nexudus.faults().list();
			nexudus.clock().now();
			nexudus.reset();
			nexudus.requests().pathPrefix("/ephemeral/").assertNone();
		}

		@Test
		void isEmptiedByTheResetAndOnRequest(Nexudus nexudus) throws Exception {
			NotificationClient client = client(nexudus);
			client.get(7);
			nexudus.requests().method("GET").assertCount(1);
			nexudus.requests().clear();
			nexudus.requests().assertNone();
			client.get(7);
			nexudus.reset();
			nexudus.requests().assertNone();
		}

	}

	@Nested
	class Faults {

		@Test
		void theClientRetriesServerErrors(Nexudus nexudus) throws Exception {
			FaultRule rule = nexudus.faults().add(Fault.serverError().method("PUT").path(PATH).times(2));
			assertEquals(2, rule.remaining());
			assertEquals("ServerError", rule.effect());

			NotificationClient.Answer answer = client(nexudus).update(7, 5, "Paid", "coworkerinvoice", 42);

			assertEquals(200, answer.status(), answer.body());
			List<RecordedRequest> puts = nexudus.requests().method("PUT").path(PATH).assertCount(3);
			assertEquals(List.of(500, 500, 200), puts.stream().map(RecordedRequest::status).toList());
			assertEquals(rule.id(), puts.get(0).fault().id());
			assertEquals("ServerError", puts.get(0).fault().effect());
			assertNull(puts.get(2).fault());
			assertEquals(0, nexudus.faults().list().get(0).remaining());
		}

		@Test
		void aServerErrorIsNexudussTransientError(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.serverError().method("PUT"));
			HttpResponse<String> answer = put(nexudus, ADMIN);
			assertEquals(500, answer.statusCode());
			assertTrue(answer.body().contains("\"Message\":\"Ooops! There was a problem while running this action\""), answer.body());
		}

		@Test
		void rateLimitedSaysWhenToComeBack(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.rateLimited(2).method("PUT").path(PATH));
			HttpResponse<String> answer = put(nexudus, ADMIN);
			assertEquals(429, answer.statusCode());
			assertEquals("2", answer.headers().firstValue("Retry-After").orElse(null));
			assertTrue(answer.body().contains("\"Message\":\"Wait 2 seconds before accessing this url again.\""), answer.body());
		}

		@Test
		void unavailableSaysWhenToComeBack(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.unavailable(3).pathPrefix("/api/spaces/"));
			HttpResponse<String> answer = put(nexudus, ADMIN);
			assertEquals(503, answer.statusCode());
			assertEquals("3", answer.headers().firstValue("Retry-After").orElse(null));
		}

		@Test
		void aDelayAnswersNormallyLater(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.delay(Duration.ofMillis(500)).method("PUT"));
			long started = System.nanoTime();
			HttpResponse<String> answer = put(nexudus, ADMIN);
			assertTrue(System.nanoTime() - started >= Duration.ofMillis(500).toNanos());
			assertEquals(200, answer.statusCode());
			RecordedRequest put = nexudus.requests().method("PUT").assertOne();
			assertEquals("Delay", put.fault().effect());
			assertEquals(200, put.status());
		}

		@Test
		void theClientRetriesADroppedConnection(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.drop().method("PUT"));
			assertEquals(200, client(nexudus).update(7, 5, "Paid", "coworkerinvoice", 42).status());
			assertEquals(List.of(0, 200), nexudus.requests().method("PUT").assertCount(2).stream().map(RecordedRequest::status).toList());
		}

		@Test
		void aDropWithoutRetriesFailsTheClient(Nexudus nexudus) {
			nexudus.faults().add(Fault.drop().method("PUT"));
			NotificationClient once = new NotificationClient(nexudus.baseUrl(), nexudus.bearer(ADMIN), 1, Duration.ZERO);
			assertThrows(IOException.class, () -> once.update(7, 5, "Paid", "coworkerinvoice", 42));
		}

		@Test
		void aFaultedRequestChangesNothing(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.serverError().method("PUT"));
			put(nexudus, ADMIN);
			assertTrue(client(nexudus).get(7).body().contains("\"Message\":\"Your invoice is ready\""));
		}

		@Test
		void matchesTheCaller(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.serverError().caller(READER));
			assertEquals(200, client(nexudus).get(7).status());
			NotificationClient reader = new NotificationClient(nexudus.baseUrl(), nexudus.bearer(READER), 1, Duration.ZERO);
			assertEquals(500, reader.get(7).status());
		}

		@Test
		void neverFaultsARequestWithoutCredentials(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.serverError().pathPrefix("/api/"));
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(nexudus.url(PATH + "/7")).build(), BodyHandlers.ofString());
			assertEquals(401, answer.statusCode());
			assertEquals(1, nexudus.faults().list().get(0).remaining());
		}

		@Test
		void aLostDrawNeitherAnswersNorCounts(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.serverError().probability(0).times(5));
			assertEquals(200, client(nexudus).get(7).status());
			FaultRule rule = nexudus.faults().list().get(0);
			assertEquals(5, rule.remaining());
			assertEquals(0.0, rule.probability());
		}

		@Test
		void rulesAreListedRemovedAndCleared(Nexudus nexudus) {
			FaultRule first = nexudus.faults().add(Fault.serverError().method("PUT"));
			FaultRule second = nexudus.faults().add(Fault.delay(Duration.ofMillis(10)).method("GET").times(3));
			assertEquals(List.of(first, second), nexudus.faults().list());
			assertEquals(10, second.delayMs());
			nexudus.faults().remove(first);
			assertEquals(List.of(second), nexudus.faults().list());
			nexudus.faults().clear();
			assertEquals(List.of(), nexudus.faults().list());
			NotificationsServerException unknown = assertThrows(NotificationsServerException.class, () -> nexudus.faults().remove(first));
			assertEquals(404, unknown.status());
		}

		@Test
		void theResetRemovesRules(Nexudus nexudus) throws Exception {
			nexudus.faults().add(Fault.serverError());
			nexudus.reset();
			assertEquals(List.of(), nexudus.faults().list());
			assertEquals(200, client(nexudus).get(7).status());
		}

	}

	@Nested
	class Clock {

		@AfterEach
		void backToAboutNow(Nexudus nexudus) {
			// the reset leaves the clock alone: let it run again for the tests after these
			assertFalse(nexudus.clock().useSystemTime().fixed());
		}

		@Test
		void stampsRecordsWithTheServersTime(Nexudus nexudus) throws Exception {
			ClockReading set = nexudus.clock().set(Instant.parse("2025-03-01T09:00:00Z"));
			assertEquals(new ClockReading(Instant.parse("2025-03-01T09:00:00Z"), true), set);
			HttpResponse<String> answer = put(nexudus, ADMIN);
			assertTrue(answer.body().contains("\"UpdatedOn\":\"2025-03-01T09:00:00Z\""), answer.body());
			nexudus.clock().advance(Duration.ofHours(1));
			assertEquals(Instant.parse("2025-03-01T10:00:00Z"), nexudus.clock().now());
			assertTrue(put(nexudus, ADMIN).body().contains("\"UpdatedOn\":\"2025-03-01T10:00:00Z\""));
			assertEquals(Instant.parse("2025-03-01T10:00:00Z"), nexudus.requests().method("PUT").assertCount(2).get(1).time());
		}

		@Test
		void expiresTokens(Nexudus nexudus) throws Exception {
			nexudus.clock().set(Instant.now());
			String issued = nexudus.token(ADMIN);
			assertEquals(200, new NotificationClient(nexudus.baseUrl(), "Bearer " + issued, 1, Duration.ZERO).get(7).status());
			nexudus.clock().advance(Duration.ofDays(8));
			assertEquals(401, new NotificationClient(nexudus.baseUrl(), "Bearer " + issued, 1, Duration.ZERO).get(7).status());
			// the harness forgets its tokens when the clock moves: a new one works
			assertEquals(200, client(nexudus).get(7).status());
		}

		@Test
		void mayGoBackwards(Nexudus nexudus) {
			nexudus.clock().set(Instant.parse("2030-01-01T00:00:00Z"));
			assertEquals(Instant.parse("2001-01-01T00:00:00Z"), nexudus.clock().set(Instant.parse("2001-01-01T00:00:00Z")).now());
			assertTrue(nexudus.clock().read().fixed());
		}

	}

	static HttpResponse<String> put(Nexudus nexudus, String user) throws Exception {
		return http.send(HttpRequest.newBuilder(nexudus.url(PATH))
			.header("Authorization", nexudus.bearer(user))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString(UPDATE))
			.build(), BodyHandlers.ofString());
	}

}
