package io.notifications.systemnotification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.notifications.listing.ListPage;
import io.notifications.web.RecordNotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * Creates, replaces, reads, lists and deletes system notifications, each in one transaction.
 */
@Service
@Transactional
class SystemNotificationService {

	private final SystemNotifications notifications;

	private final SystemNotificationListing listing;

	private final Clock clock;

	SystemNotificationService(SystemNotifications notifications, SystemNotificationListing listing, Clock clock) {
		this.notifications = notifications;
		this.listing = listing;
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

	@Transactional(readOnly = true)
	List<SystemNotificationRecord> getMany(String ids) {
		return this.listing.read(this.notifications, ids);
	}

	@Transactional(readOnly = true)
	ListPage<SystemNotificationRecord> list(MultiValueMap<String, String> parameters) {
		return this.listing.list(this.notifications, parameters);
	}

	/**
	 * Deletes a notification, locking its row first as an update does.
	 * @return the time of the deletion
	 */
	Instant delete(int id) {
		SystemNotification notification = this.notifications.findForUpdate(id)
			.orElseThrow(() -> new RecordNotFoundException(id));
		this.notifications.delete(notification);
		this.notifications.flush();
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

}
