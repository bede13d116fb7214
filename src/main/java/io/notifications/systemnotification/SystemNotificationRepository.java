package io.notifications.systemnotification;

import io.notifications.resource.ResourceRepository;

interface SystemNotificationRepository extends ResourceRepository<SystemNotification> {

}
