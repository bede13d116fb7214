package io.notifications.systemnotification;

import java.util.Map;

import io.notifications.listing.Listing;

import org.springframework.stereotype.Component;

/**
 * Lists and batch-reads system notifications.
 */
@Component
class SystemNotificationListing extends Listing<SystemNotification, SystemNotificationRecord> {

	SystemNotificationListing() {
		super(SystemNotificationController.RESOURCE, SystemNotificationController.BASE_PATH,
				SystemNotificationRecord.class, SystemNotificationRecord::of, Map.of());
	}

}
