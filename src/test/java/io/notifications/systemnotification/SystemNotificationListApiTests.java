package io.notifications.systemnotification;

import java.util.List;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static io.notifications.support.Envelopes.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * List, batch read and delete of {@code /api/sys/systemnotifications} over real HTTP: the
 * same machinery as coworker notifications, exercised on this record's enums, dates and
 * nullable fields.
 */
class SystemNotificationListApiTests extends ApiTestSupport {

	static final String BASE = "/api/sys/systemnotifications";

	@Test
	void listHasTheContractShape() {
		int first = create("Low one", 1, "2025-01-10T08:00:00Z", 1, null);
		int second = create("High one", 3, "2025-01-12T08:00:00Z", 2, "2025-01-01T00:00:00Z");

		Response response = get(BASE + "?size=1&page=2", admin());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("""
				{"Records":[%s],"CurrentPage":2,"CurrentPageSize":1,"CurrentOrderField":"Id","CurrentSortDirection":1,\
				"FirstItem":2,"LastItem":2,"TotalItems":2,"TotalPages":2,"HasNextPage":false,\
				"HasPreviousPage":true,"PageNumber":2,"PageSize":1}"""
			.formatted(get(BASE + "/" + second, admin()).body()));
		assertThat(first).isLessThan(second);
	}

	@Test
	void enumFilterTakesTheIntegerOrTheName() {
		create("Low one", 1, "2025-01-10T08:00:00Z", 1, null);
		int high = create("High one", 3, "2025-01-12T08:00:00Z", 2, null);

		assertThat(ids(get(BASE + "?SystemNotification_Severity=3", admin()))).containsExactly(high);
		assertThat(ids(get(BASE + "?SystemNotification_Severity=high", admin()))).containsExactly(high);
		assertThat(ids(get(BASE + "?SystemNotification_MessageType=Announcement", admin()))).containsExactly(high);
		assertThat(get(BASE + "?SystemNotification_Severity=4", admin()).body())
			.isEqualTo(failure(400, "SystemNotification_Severity", "is not a valid value",
					error("4", "is not a valid value", "SystemNotification_Severity")));
	}

	@Test
	void rangeOnAnEnumIsRefused() {
		assertThat(get(BASE + "?from_SystemNotification_Severity=1", admin()).body())
			.isEqualTo(failure(400, "from_SystemNotification_Severity", "is not a valid value",
					error("1", "is not a valid value", "from_SystemNotification_Severity")));
	}

	@Test
	void dateRangeOnStartTimeIsInclusive() {
		int a = create("a", 1, "2025-01-10T08:00:00Z", 1, null);
		int b = create("b", 2, "2025-01-11T08:00:00Z", 1, null);
		create("c", 3, "2025-01-12T08:00:00Z", 1, null);

		assertThat(ids(get(BASE + "?from_SystemNotification_StartTime=2025-01-10T08:00"
				+ "&to_SystemNotification_StartTime=2025-01-11T08:00:00.000Z", admin())))
			.containsExactly(a, b);
	}

	@Test
	void nullableDatesOrderNullsFirstAscendingAndLastDescending() {
		int none = create("a", 1, "2025-01-10T08:00:00Z", 1, null);
		int late = create("b", 1, "2025-01-10T08:00:00Z", 1, "2025-03-01T00:00:00Z");
		int early = create("c", 1, "2025-01-10T08:00:00Z", 1, "2025-02-01T00:00:00Z");

		assertThat(ids(get(BASE + "?orderBy=PublishOn", admin()))).containsExactly(none, early, late);
		assertThat(ids(get(BASE + "?orderBy=publishon&dir=Descending", admin()))).containsExactly(late, early, none);
	}

	@Test
	void textFilterOnTitleMatchesAPart() {
		int maintenance = create("Scheduled Maintenance", 1, "2025-01-10T08:00:00Z", 1, null);
		create("Outage", 3, "2025-01-10T08:00:00Z", 1, null);

		assertThat(ids(get(BASE + "?SystemNotification_Title=mainten", admin()))).containsExactly(maintenance);
	}

	@Test
	void batchReadLeavesUnknownIdsOut() {
		int a = create("a", 1, "2025-01-10T08:00:00Z", 1, null);
		int b = create("b", 2, "2025-01-11T08:00:00Z", 1, null);
		String expected = "[" + get(BASE + "/" + b, admin()).body() + "," + get(BASE + "/" + a, admin()).body() + "]";

		assertThat(RawHttp.get(this.port, BASE + "/?id=[" + b + ",987654," + a + "]", admin()).body())
			.isEqualTo(expected);
		assertThat(RawHttp.get(this.port, BASE + "?id=[" + b + ",987654," + a + "]", admin()).body())
			.isEqualTo(expected);
		assertThat(get(BASE + "?id=%5B" + b + "%2C987654%2C" + a + "%5D", admin()).body()).isEqualTo(expected);
		assertThat(get(BASE + "/?id=%5B" + b + "%2C987654%2C" + a + "%5D", admin()).body()).isEqualTo(expected);
	}

	@Test
	void deleteThenReadIsNotFound() {
		int id = create("a", 1, "2025-01-10T08:00:00Z", 1, null);

		Response response = delete(BASE + "/" + id, admin());

		assertThat(response.body()).isEqualTo(success("SystemNotification was successfully deleted.", """
				{"Id":%d}""".formatted(id), response.json().get("UpdatedOn").asString(), ADMIN));
		assertThat(get(BASE + "/" + id, admin()).body())
			.isEqualTo(failure(404, "Id", "was not found", error(String.valueOf(id), "was not found", "Id")));
		assertThat(delete(BASE + "/" + id, admin()).body())
			.isEqualTo(failure(404, "Id", "was not found", error(String.valueOf(id), "was not found", "Id")));
	}

	@Test
	void eachOperationNeedsItsOwnRole() {
		int id = create("a", 1, "2025-01-10T08:00:00Z", 1, null);
		String lister = bearer("sn-list@example.com", "role-secret");
		String reader = bearer("sn-read@example.com", "role-secret");
		String deleter = bearer("sn-delete@example.com", "role-secret");

		for (String caller : List.of(lister, reader, deleter)) {
			assertThat(get(BASE, caller).status()).isEqualTo(caller.equals(lister) ? 200 : 403);
			assertThat(get(BASE + "/?id=%5B" + id + "%5D", caller).status())
				.isEqualTo(caller.equals(reader) ? 200 : 403);
			assertThat(RawHttp.get(this.port, BASE + "?id=[" + id + "]", caller).status())
				.isEqualTo(caller.equals(reader) ? 200 : 403);
			assertThat(get(BASE + "/" + id, caller).status()).isEqualTo(caller.equals(reader) ? 200 : 403);
		}
		assertThat(delete(BASE + "/" + id, lister).status()).isEqualTo(403);
		assertThat(delete(BASE + "/" + id, reader).status()).isEqualTo(403);
		assertThat(delete(BASE + "/" + id, bearer("cn-delete@example.com", "role-secret")).status()).isEqualTo(403);
		assertThat(delete(BASE + "/" + id, deleter).status()).isEqualTo(200);
	}

	private int create(String title, int severity, String startTime, int messageType, String publishOn) {
		Response response = postJson(BASE, """
				{"Title":"%s","Severity":%d,"StartTime":"%s","ShortDescription":"s","Description":"d","MessageType":%d,
				 "PublishOn":%s}""".formatted(title, severity, startTime, messageType,
				(publishOn != null) ? "\"" + publishOn + "\"" : "null"), admin());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("Value").get("Id").asInt();
	}

	private static List<Integer> ids(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("Records").valueStream().map((record) -> record.get("Id").asInt()).toList();
	}

}
