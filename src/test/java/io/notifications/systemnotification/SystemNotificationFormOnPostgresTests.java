package io.notifications.systemnotification;

import io.notifications.support.OnPostgres;

/** {@link SystemNotificationFormTests} on PostgreSQL. */
@OnPostgres
class SystemNotificationFormOnPostgresTests extends SystemNotificationFormTests {

}
