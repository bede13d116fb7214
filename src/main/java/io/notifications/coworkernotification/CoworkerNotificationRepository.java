package io.notifications.coworkernotification;

import io.notifications.resource.ResourceRepository;

interface CoworkerNotificationRepository extends ResourceRepository<CoworkerNotification> {

}
