package io.notifications.systemnotification;

import io.notifications.support.OnPostgres;

/** {@link SystemNotificationListApiTests} on PostgreSQL. */
@OnPostgres
class SystemNotificationListApiOnPostgresTests extends SystemNotificationListApiTests {

}
