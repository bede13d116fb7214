package io.notifications.coworkernotification;

import io.notifications.support.OnPostgres;

/** {@link ConcurrentUpdateTests} on PostgreSQL. */
@OnPostgres
class ConcurrentUpdateOnPostgresTests extends ConcurrentUpdateTests {

}
