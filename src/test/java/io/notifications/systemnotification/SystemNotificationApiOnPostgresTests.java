package io.notifications.systemnotification;

import io.notifications.support.OnPostgres;

/** {@link SystemNotificationApiTests} on PostgreSQL. */
@OnPostgres
class SystemNotificationApiOnPostgresTests extends SystemNotificationApiTests {

}
