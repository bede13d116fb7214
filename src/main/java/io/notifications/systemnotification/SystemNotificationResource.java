package io.notifications.systemnotification;

import java.util.Map;

import io.notifications.resource.ApiResource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nexudus's {@code /api/sys/systemnotifications} resource, declared once.
 */
@Configuration(proxyBeanMethods = false)
class SystemNotificationResource {

	@Bean
	ApiResource<SystemNotification, SystemNotificationRequest, SystemNotificationRecord> systemNotifications() {
		return new ApiResource<>("SystemNotification", "/api/sys/systemnotifications", SystemNotification.class,
				SystemNotification::new, SystemNotificationRequest.class,
				SystemNotificationRecord.class, SystemNotificationRecord::of, Map.of(), """
						"Title":"Scheduled maintenance","Severity":2,"StartTime":"2025-01-15T10:30:00Z",\
						"ShortDescription":"The dashboard is read-only for an hour.",\
						"Description":"We upgrade the database on Sunday.","MessageType":2""");
	}

}
