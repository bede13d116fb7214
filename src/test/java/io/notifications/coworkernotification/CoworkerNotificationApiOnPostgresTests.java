package io.notifications.coworkernotification;

import io.notifications.support.OnPostgres;

/** {@link CoworkerNotificationApiTests} on PostgreSQL. */
@OnPostgres
class CoworkerNotificationApiOnPostgresTests extends CoworkerNotificationApiTests {

}
