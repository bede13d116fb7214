package io.notifications.openapi;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import generated.notifications.client.ApiClient;
import generated.notifications.client.ApiException;
import generated.notifications.client.api.CoworkerNotificationApi;
import generated.notifications.client.api.CoworkerNotificationApi.APIListCoworkerNotificationRequest;
import generated.notifications.client.api.SystemNotificationApi;
import generated.notifications.client.api.SystemNotificationApi.APIListSystemNotificationRequest;
import generated.notifications.client.api.TokenApi;
import generated.notifications.client.model.CoworkerNotification;
import generated.notifications.client.model.CoworkerNotificationRequest;
import generated.notifications.client.model.EnvelopeCoworkerNotification;
import generated.notifications.client.model.EnvelopeRecordIdentity;
import generated.notifications.client.model.EnvelopeSystemNotification;
import generated.notifications.client.model.ListPageCoworkerNotification;
import generated.notifications.client.model.ListPageSystemNotification;
import generated.notifications.client.model.MessageType;
import generated.notifications.client.model.Severity;
import generated.notifications.client.model.SystemNotification;
import generated.notifications.client.model.SystemNotificationRequest;
import io.notifications.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Java client that openapi-generator 7.25.0 ({@code java}, library {@code native})
 * generated at build time from the committed copy of the served document
 * (CommittedDocumentTests) round-trips both resources against the running server with its
 * own classes alone: it gets a token, creates, reads, puts the record it read back with a
 * change, lists, batch-reads and deletes.
 */
class GeneratedClientTests extends ApiTestSupport {

	private ApiClient client;

	@BeforeEach
	void signIn() throws ApiException {
		this.client = new ApiClient();
		this.client.updateBaseUri("http://localhost:" + this.port);
		String token = new TokenApi(this.client).token("password", ADMIN, ADMIN_PASSWORD, null, null, null, null)
			.getAccessToken();
		this.client.setRequestInterceptor((request) -> request.header("Authorization", "Bearer " + token));
	}

	@Test
	void coworkerNotificationsRoundTrip() throws ApiException {
		CoworkerNotificationApi api = new CoworkerNotificationApi(this.client);

		EnvelopeCoworkerNotification created = api
			.createCoworkerNotification(new CoworkerNotificationRequest().coworkerId(5)
				.message("Your invoice is ready")
				.notificationType("coworkerinvoice")
				.entityId(42), null);
		assertThat(created.getWasSuccessful()).isTrue();
		assertThat(created.getMessage()).isEqualTo("CoworkerNotification was successfully created.");
		int id = created.getValue().getId();
		int other = api.createCoworkerNotification(
				new CoworkerNotificationRequest().coworkerId(6).message("Welcome").notificationType("blog").entityId(0),
				null)
			.getValue()
			.getId();

		CoworkerNotification read = api.readCoworkerNotification(id, null, null);
		EnvelopeRecordIdentity updated = api
			.updateCoworkerNotification(new CoworkerNotificationRequest().id(read.getId())
				.coworkerId(read.getCoworkerId())
				.message("Your invoice is paid")
				.notificationType(read.getNotificationType())
				.entityId(read.getEntityId())
				.isDismissed(true)
				.systemId(read.getSystemId()), null);
		assertThat(updated.getMessage()).isEqualTo("CoworkerNotification was successfully updated.");
		assertThat(updated.getValue().getId()).isEqualTo(id);

		CoworkerNotification reread = api.readCoworkerNotification(id, null, null);
		assertThat(reread.getMessage()).isEqualTo("Your invoice is paid");
		assertThat(reread.getIsDismissed()).isTrue();
		assertThat(reread.getIsNew()).isFalse();
		assertThat(reread.getUniqueId()).isEqualTo(read.getUniqueId());

		ListPageCoworkerNotification page = api.listCoworkerNotification(APIListCoworkerNotificationRequest.newBuilder()
			.page(1)
			.size(1)
			.orderBy("Id")
			.dir("-1")
			.coworkerNotificationCoworker(5)
			.build());
		assertThat(page.getTotalItems()).isEqualTo(1);
		assertThat(page.getRecords()).extracting(CoworkerNotification::getId).containsExactly(id);
		// {base}/ answers the records with id, the list page without: one of the two
		assertThat(
				api.batchReadCoworkerNotification("[" + other + "," + id + ",987654]").getCoworkerNotificationRecords())
			.extracting(CoworkerNotification::getId)
			.containsExactly(other, id);
		assertThat(api.batchReadCoworkerNotification(null).getListPageCoworkerNotification().getTotalItems())
			.isEqualTo(2);

		EnvelopeRecordIdentity deleted = api.deleteCoworkerNotification(id, null);
		assertThat(deleted.getMessage()).isEqualTo("CoworkerNotification was successfully deleted.");
		ApiException gone = catchThrowableOfType(ApiException.class,
				() -> api.readCoworkerNotification(id, null, null));
		assertThat(gone.getCode()).isEqualTo(404);
		assertThat(gone.getResponseBody()).contains("\"PropertyName\":\"Id\"");
	}

	@Test
	void systemNotificationsRoundTrip() throws ApiException {
		SystemNotificationApi api = new SystemNotificationApi(this.client);
		OffsetDateTime start = OffsetDateTime.of(2025, 1, 15, 12, 30, 0, 0, ZoneOffset.ofHours(2));

		EnvelopeSystemNotification created = api
			.createSystemNotification(new SystemNotificationRequest().title("Maintenance")
				.severity(Severity.HIGH)
				.startTime(start)
				.shortDescription("Short")
				.description("Long")
				.messageType(MessageType.ANNOUNCEMENT), null);
		assertThat(created.getMessage()).isEqualTo("SystemNotification was successfully created.");
		SystemNotification record = created.getValue();
		assertThat(record.getSeverity()).isEqualTo(Severity.HIGH);
		assertThat(record.getStartTime()).isEqualTo(start.withOffsetSameInstant(ZoneOffset.UTC));
		int id = record.getId();
		int other = api
			.createSystemNotification(new SystemNotificationRequest().title("Outage")
				.severity(Severity.LOW)
				.startTime(start)
				.shortDescription("Short")
				.description("Long")
				.messageType(MessageType.ISSUE), null)
			.getValue()
			.getId();

		// what GET answered goes back in PUT as it is: the enums are one type in both
		SystemNotification read = api.readSystemNotification(id, null, null);
		EnvelopeRecordIdentity updated = api.updateSystemNotification(new SystemNotificationRequest().id(id)
			.title(read.getTitle())
			.severity(read.getSeverity())
			.startTime(read.getStartTime())
			.shortDescription(read.getShortDescription())
			.description(read.getDescription())
			.messageType(read.getMessageType())
			.resolved(true)
			.resolvedOn(start.plusHours(1))
			.resolutionDescription("Done"), null);
		assertThat(updated.getValue().getId()).isEqualTo(id);

		SystemNotification reread = api.readSystemNotification(id, null, null);
		assertThat(reread.getResolved()).isTrue();
		assertThat(reread.getSeverity()).isEqualTo(Severity.HIGH);
		assertThat(reread.getMessageType()).isEqualTo(MessageType.ANNOUNCEMENT);
		assertThat(reread.getIsNew()).isFalse();

		ListPageSystemNotification page = api.listSystemNotification(APIListSystemNotificationRequest.newBuilder()
			.systemNotificationSeverity(Severity.HIGH.getValue().toString())
			.build());
		assertThat(page.getRecords()).extracting(SystemNotification::getId).containsExactly(id);
		List<SystemNotification> many = api.batchReadSystemNotification("[" + id + "," + other + "]")
			.getSystemNotificationRecords();
		assertThat(many).extracting(SystemNotification::getId).containsExactly(id, other);

		assertThat(api.deleteSystemNotification(id, null).getMessage())
			.isEqualTo("SystemNotification was successfully deleted.");
		ApiException gone = catchThrowableOfType(ApiException.class, () -> api.deleteSystemNotification(id, null));
		assertThat(gone.getCode()).isEqualTo(404);
	}

}
