package io.notifications.systemnotification;

import io.notifications.resource.ApiResource;
import io.notifications.resource.ResourceController;
import io.notifications.resource.ResourceServices;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sys/systemnotifications")
@ApiResource(name = "SystemNotification", example = """
		"Title":"Scheduled maintenance","Severity":2,"StartTime":"2025-01-15T10:30:00Z",\
		"ShortDescription":"The dashboard is read-only for an hour.",\
		"Description":"We upgrade the database on Sunday.","MessageType":2""")
class SystemNotificationController
		extends ResourceController<SystemNotification, SystemNotificationRequest, SystemNotificationRecord> {

	SystemNotificationController(ResourceServices services, SystemNotificationRepository repository) {
		super(services, repository, SystemNotification::new, SystemNotificationRecord::of);
	}

}
