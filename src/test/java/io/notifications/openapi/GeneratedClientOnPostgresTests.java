package io.notifications.openapi;

import io.notifications.support.OnPostgres;

/** {@link GeneratedClientTests} on PostgreSQL. */
@OnPostgres
class GeneratedClientOnPostgresTests extends GeneratedClientTests {

}
