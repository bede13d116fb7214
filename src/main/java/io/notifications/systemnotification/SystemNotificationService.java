package io.notifications.systemnotification;

import java.time.Clock;

import io.notifications.web.RecordNotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, replaces and reads system notifications, each in one transaction.
 */
@Service
@Transactional
class SystemNotificationService {

	private final SystemNotifications notifications;

	private final Clock clock;

	SystemNotificationService(SystemNotifications notifications, Clock clock) {
		this.notifications = notifications;
		this.clock = clock;
	}

	SystemNotificationRecord create(SystemNotificationRequest request, String caller) {
		SystemNotification notification = new SystemNotification();
		notification.replaceWith(request);
		notification.markCreated(caller, this.clock.instant());
		return SystemNotificationRecord.of(this.notifications.saveAndFlush(notification));
	}

	SystemNotificationRecord update(SystemNotificationRequest request, String caller) {
		SystemNotification notification = this.notifications.findForUpdate(request.id())
			.orElseThrow(() -> new RecordNotFoundException(request.id()));
		notification.replaceWith(request);
		notification.markUpdated(caller, this.clock.instant());
		return SystemNotificationRecord.of(this.notifications.saveAndFlush(notification));
	}

	@Transactional(readOnly = true)
	SystemNotificationRecord get(int id) {
		return this.notifications.findById(id)
			.map(SystemNotificationRecord::of)
			.orElseThrow(() -> new RecordNotFoundException(id));
	}

}
