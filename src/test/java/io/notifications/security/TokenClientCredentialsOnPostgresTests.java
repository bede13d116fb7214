package io.notifications.security;

import io.notifications.support.OnPostgres;

/**
 * {@link TokenClientCredentialsTests} on PostgreSQL, where the refresh tokens are stored.
 */
@OnPostgres
class TokenClientCredentialsOnPostgresTests extends TokenClientCredentialsTests {

}
