package io.notifications.coworkernotification;

import io.notifications.support.OnPostgres;

/** {@link CoworkerNotificationListApiTests} on PostgreSQL. */
@OnPostgres
class CoworkerNotificationListApiOnPostgresTests extends CoworkerNotificationListApiTests {

}
