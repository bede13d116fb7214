package io.notifications.coworkernotification;

import io.notifications.resource.ResourceRepository;

/** The stored coworker notifications. */
interface CoworkerNotificationRepository extends ResourceRepository<CoworkerNotification> {

}
