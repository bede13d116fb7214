package io.notifications.coworkernotification;

import java.time.Clock;

import io.notifications.web.RecordNotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, replaces and reads coworker notifications, each in one transaction.
 */
@Service
@Transactional
class CoworkerNotificationService {

	private final CoworkerNotifications notifications;

	private final Clock clock;

	CoworkerNotificationService(CoworkerNotifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	CoworkerNotificationRecord create(CoworkerNotificationRequest request, String caller) {
		CoworkerNotification notification = new CoworkerNotification();
		notification.replaceWith(request);
		notification.markCreated(caller, this.clock.instant());
		return CoworkerNotificationRecord.of(this.notifications.saveAndFlush(notification));
	}

	CoworkerNotificationRecord update(CoworkerNotificationRequest request, String caller) {
		CoworkerNotification notification = this.notifications.findForUpdate(request.id())
			.orElseThrow(() -> new RecordNotFoundException(request.id()));
		notification.replaceWith(request);
		notification.markUpdated(caller, this.clock.instant());
		return CoworkerNotificationRecord.of(this.notifications.saveAndFlush(notification));
	}

	@Transactional(readOnly = true)
	CoworkerNotificationRecord get(int id) {
		return this.notifications.findById(id)
			.map(CoworkerNotificationRecord::of)
			.orElseThrow(() -> new RecordNotFoundException(id));
	}

}
