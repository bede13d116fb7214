package io.notifications.coworkernotification;

import io.notifications.support.OnPostgres;

/** {@link CoworkerNotificationFormTests} on PostgreSQL. */
@OnPostgres
class CoworkerNotificationFormOnPostgresTests extends CoworkerNotificationFormTests {

}
