package com.example.notifications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import io.notifications.testing.Nexudus;
import io.notifications.testing.NotificationsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.example.notifications.TestServer.ADMIN;
import static com.example.notifications.TestServer.READER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client against the server, with what the server has today: a token per user, the fixtures,
 * and a reset before each test.
 */
class NotificationClientIT {

	@RegisterExtension
	static NotificationsExtension server = TestServer.extension();

	static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void updatesANotification(Nexudus nexudus) throws Exception {
		NotificationClient client = new NotificationClient(nexudus.baseUrl(), nexudus.bearer(ADMIN), 3, Duration.ofSeconds(1));
		NotificationClient.Answer answer = client.update(7, 5, "Your invoice is paid", "coworkerinvoice", 42);
		assertEquals(200, answer.status(), answer.body());
		assertTrue(answer.body().contains("\"Message\":\"CoworkerNotification was successfully updated.\""), answer.body());
		assertTrue(client.get(7).body().contains("\"Message\":\"Your invoice is paid\""));
	}

	@Test
	void startsEachTestFromTheFixtures(Nexudus nexudus) throws Exception {
		NotificationClient client = new NotificationClient(nexudus.baseUrl(), nexudus.basic(ADMIN), 1, Duration.ZERO);
		assertTrue(client.get(7).body().contains("\"Message\":\"Your invoice is ready\""));
	}

	@Test
	void givesNewRecordsTheSameIdsAfterEachReset(Nexudus nexudus) throws Exception {
		for (int round = 0; round < 2; round++) {
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(nexudus.url(TestServer.PATH))
				.header("Authorization", nexudus.bearer(ADMIN))
				.header("Content-Type", "application/json")
				.POST(BodyPublishers.ofString("{\"CoworkerId\":5,\"Message\":\"Hello\",\"NotificationType\":\"blog\",\"EntityId\":1}"))
				.build(), BodyHandlers.ofString());
			assertEquals(200, created.statusCode(), created.body());
			assertTrue(created.body().contains("\"Id\":8"), created.body());
			nexudus.reset();
		}
	}

	@Test
	void refusesAnUpdateWithoutTheRole(Nexudus nexudus) throws Exception {
		NotificationClient client = new NotificationClient(nexudus.baseUrl(), nexudus.bearer(READER), 1, Duration.ZERO);
		assertEquals(403, client.update(7, 5, "Not mine to change", "coworkerinvoice", 42).status());
		assertEquals(200, client.get(7).status());
	}

	@Test
	void answersWithoutCredentials401(Nexudus nexudus) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(nexudus.baseUrl() + TestServer.PATH + "/7")).build(),
				BodyHandlers.ofString());
		assertEquals(401, answer.statusCode());
	}

}
