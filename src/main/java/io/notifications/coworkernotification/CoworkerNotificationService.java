package io.notifications.coworkernotification;

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
 * Creates, replaces, reads, lists and deletes coworker notifications, each in one transaction.
 */
@Service
@Transactional
class CoworkerNotificationService {

	private final CoworkerNotifications notifications;

	private final CoworkerNotificationListing listing;

	private final Clock clock;

	CoworkerNotificationService(CoworkerNotifications notifications, CoworkerNotificationListing listing, Clock clock) {
		this.notifications = notifications;
		this.listing = listing;
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

	@Transactional(readOnly = true)
	List<CoworkerNotificationRecord> getMany(String ids) {
		return this.listing.read(this.notifications, ids);
	}

	@Transactional(readOnly = true)
	ListPage<CoworkerNotificationRecord> list(MultiValueMap<String, String> parameters) {
		return this.listing.list(this.notifications, parameters);
	}

	/**
	 * Deletes a notification, locking its row first as an update does.
	 * @return the time of the deletion
	 */
	Instant delete(int id) {
		CoworkerNotification notification = this.notifications.findForUpdate(id)
			.orElseThrow(() -> new RecordNotFoundException(id));
		this.notifications.delete(notification);
		this.notifications.flush();
		return this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
	}

}
