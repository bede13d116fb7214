package io.notifications.coworkernotification;

import java.util.Map;

import io.notifications.resource.ApiResource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Nexudus's {@code /api/spaces/coworkernotifications} resource, declared once.
 */
@Configuration(proxyBeanMethods = false)
class CoworkerNotificationResource {

	@Bean
	ApiResource<CoworkerNotification, CoworkerNotificationRequest, CoworkerNotificationRecord> coworkerNotifications() {
		return new ApiResource<>("CoworkerNotification", "/api/spaces/coworkernotifications",
				CoworkerNotification.class, CoworkerNotification::new,
				CoworkerNotificationRequest.class, CoworkerNotificationRecord.class, CoworkerNotificationRecord::of,
				// Nexudus filters by the coworker as CoworkerNotification_Coworker
				Map.of("Coworker", "CoworkerId"), """
						"CoworkerId":5,"Message":"Your invoice is ready","NotificationType":"coworkerinvoice",\
						"EntityId":42""");
	}

}
