package io.notifications.security;

import java.util.List;

import io.notifications.support.PostgresServer;

/** {@link UserChangesTests} with both instances on one PostgreSQL database. */
class UserChangesOnPostgresTests extends UserChangesTests {

	@Override
	List<String> database() {
		return List.of("--spring.datasource.url=" + PostgresServer.newDatabase(),
				"--spring.datasource.username=" + PostgresServer.USER, "--spring.datasource.password=unused");
	}

}
