package io.notifications.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tests that JUnit runs at the same time (junit-platform.properties turns parallel execution on for
 * classes that ask for it) take turns with their shared server: none sees another's reset, record or
 * requests. Without the turns most of them failed.
 */
@NotificationsServer(users = { "admin@example.com:secret:Administrator", "reader@example.com:r,e:ad:CoworkerNotification-Read" },
		fixtures = "src/test/resources/fixtures.json")
@Execution(ExecutionMode.CONCURRENT)
class ConcurrentTestsTests {

	static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void needsTheJar() {
		RealServer.assumeJar();
	}

	@RepeatedTest(8)
	void eachSeesOnlyItsOwnWork(Nexudus nexudus) throws Exception {
		String message = "Written by " + Thread.currentThread().getName() + " at " + System.nanoTime();
		HttpResponse<String> put = http.send(HttpRequest.newBuilder(nexudus.url("/api/spaces/coworkernotifications"))
			.header("Authorization", nexudus.bearer("admin@example.com"))
			.header("Content-Type", "application/json")
			.PUT(BodyPublishers.ofString("""
					{"Id":7,"CoworkerId":5,"Message":"%s","NotificationType":"coworkerinvoice","EntityId":42}""".formatted(message)))
			.build(), BodyHandlers.ofString());
		assertEquals(200, put.statusCode(), put.body());
		// room for another test to reset the server or write, were it running now
		Thread.sleep(200);
		assertEquals(message, RealServerTests.message(nexudus));
		nexudus.requests().method("PUT").assertCount(1);
	}

}
