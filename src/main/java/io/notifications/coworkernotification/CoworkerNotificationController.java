package io.notifications.coworkernotification;

import io.notifications.resource.ApiResource;
import io.notifications.resource.ResourceController;
import io.notifications.resource.ResourceServices;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Nexudus filters the list by the coworker as {@code CoworkerNotification_Coworker}. */
@RestController
@RequestMapping("/api/spaces/coworkernotifications")
@ApiResource(name = "CoworkerNotification", filterAliases = "Coworker=CoworkerId", example = """
		"CoworkerId":5,"Message":"Your invoice is ready","NotificationType":"coworkerinvoice","EntityId":42""")
class CoworkerNotificationController
		extends ResourceController<CoworkerNotification, CoworkerNotificationRequest, CoworkerNotificationRecord> {

	CoworkerNotificationController(ResourceServices services, CoworkerNotificationRepository repository) {
		super(services, repository, CoworkerNotification::new, CoworkerNotificationRecord::of);
	}

}
