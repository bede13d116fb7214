package io.notifications.resource;

import io.notifications.support.OnPostgres;

/** {@link ConditionalRequestsTests} on PostgreSQL. */
@OnPostgres
class ConditionalRequestsOnPostgresTests extends ConditionalRequestsTests {

}
