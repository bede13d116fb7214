package io.notifications.systemnotification;

import io.notifications.resource.ResourceRepository;

/** The stored system notifications. */
interface SystemNotificationRepository extends ResourceRepository<SystemNotification> {

}
