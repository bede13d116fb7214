package io.notifications.security;

import io.notifications.support.OnPostgres;

/** {@link TokenEndpointTests} on PostgreSQL. */
@OnPostgres
class TokenEndpointOnPostgresTests extends TokenEndpointTests {

}
