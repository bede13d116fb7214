package io.notifications.security;

import io.notifications.support.OnPostgres;

/** {@link RevocationTests} on PostgreSQL. */
@OnPostgres
class RevocationOnPostgresTests extends RevocationTests {

}
