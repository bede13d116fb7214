package com.example.notifications;

import io.notifications.testing.NotificationsExtension;

/** The one server configuration of this sample's tests, so that they share one server for the run. */
final class TestServer {

	static final String ADMIN = "admin@example.com";

	static final String READER = "reader@example.com";

	static final String PATH = "/api/spaces/coworkernotifications";

	private TestServer() {
	}

	static NotificationsExtension extension() {
		return NotificationsExtension.builder()
			.user(ADMIN, "secret", "Administrator")
			.user(READER, "reader", "CoworkerNotification-Read")
			.fixtures("src/test/resources/fixtures.json")
			.build();
	}

}
