package io.notifications.coworkernotification;

import java.util.Map;

import io.notifications.listing.Listing;

import org.springframework.stereotype.Component;

/**
 * Lists and batch-reads coworker notifications; {@code CoworkerNotification_Coworker} filters by
 * the coworker's Id, as Nexudus names it.
 */
@Component
class CoworkerNotificationListing extends Listing<CoworkerNotification, CoworkerNotificationRecord> {

	CoworkerNotificationListing() {
		super(CoworkerNotificationController.RESOURCE, CoworkerNotificationController.BASE_PATH,
				CoworkerNotificationRecord.class, CoworkerNotificationRecord::of, Map.of("Coworker", "CoworkerId"));
	}

}
