package io.notifications.coworkernotification;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.RawHttp;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static io.notifications.support.Envelopes.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * List, batch read and delete of {@code /api/spaces/coworkernotifications} over real
 * HTTP, with the exact list body of the contract, and the role each operation needs.
 */
class CoworkerNotificationListApiTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	@Test
	void firstPageHasTheContractShape() {
		int[] ids = createSeven();

		Response response = get(BASE + "?page=1&size=3", admin());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo(page(records(ids[0], ids[1], ids[2]), 1, 3, "Id", 1, 1, 3, 7, 3, true, false));
	}

	@Test
	void lastPageHoldsTheRest() {
		int[] ids = createSeven();

		Response response = get(BASE + "?page=3&size=3", admin());

		assertThat(response.body()).isEqualTo(page(records(ids[6]), 3, 3, "Id", 1, 7, 7, 7, 3, false, true));
	}

	@Test
	void pagePastTheEndIsEmptyWithTheRightCounts() {
		createSeven();

		Response response = get(BASE + "?page=5&size=3", admin());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(page("", 5, 3, "Id", 1, 0, 0, 7, 3, false, true));
	}

	@Test
	void pageBeyondAnyOffsetTheDatabaseCanSkipIsEmptyWithTheRightCounts() {
		createSeven();

		Response response = get(BASE + "?page=2147483647&size=1000", admin());

		assertThat(response.body()).isEqualTo(page("", 2147483647, 1000, "Id", 1, 0, 0, 7, 1, false, true));
	}

	@Test
	void emptyListHasNoPages() {
		assertThat(get(BASE, admin()).body()).isEqualTo(page("", 1, 25, "Id", 1, 0, 0, 0, 0, false, false));
	}

	@Test
	void defaultsArePageOneOfTwentyFiveByIdAscending() {
		int[] ids = createSeven();

		assertThat(get(BASE, admin()).body()).isEqualTo(page(records(ids), 1, 25, "Id", 1, 1, 7, 7, 1, false, false));
	}

	@Test
	void sizeOfOneThousandIsAccepted() {
		int[] ids = createSeven();

		assertThat(get(BASE + "?size=1000", admin()).body())
			.isEqualTo(page(records(ids), 1, 1000, "Id", 1, 1, 7, 7, 1, false, false));
	}

	@ParameterizedTest
	@CsvSource({ "size,0,0", "size,1001,1001", "size,-1,-1", "size,abc,\"abc\"", "size,1.5,\"1.5\"", "page,0,0",
			"page,-3,-3", "page,2147483648,2147483648", "page,x,\"x\"", "dir,0,0", "dir,up,\"up\"",
			"orderBy,Nope,\"Nope\"", "orderBy,Id;drop,\"Id;drop\"" })
	void invalidListParameterIsRefusedOnThatParameter(String parameter, String value, String attempted) {
		Response response = get(BASE + "?" + parameter + "=" + value, admin());

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).isEqualTo(
				failure(400, parameter, "is not a valid value", error(attempted, "is not a valid value", parameter)));
	}

	@Test
	void everyInvalidParameterIsListed() {
		Response response = get(BASE + "?size=0&page=0&orderBy=Nope&dir=2&CoworkerNotification_EntityId=x", admin());

		assertThat(response.body()).isEqualTo(failure(400, "page", "is not a valid value",
				error("0", "is not a valid value", "page"), error("0", "is not a valid value", "size"),
				error("\"Nope\"", "is not a valid value", "orderBy"), error("2", "is not a valid value", "dir"),
				error("\"x\"", "is not a valid value", "CoworkerNotification_EntityId")));
	}

	@Test
	void repeatedParameterIsRefused() {
		Response response = get(BASE + "?size=1&size=2", admin());

		assertThat(response.body()).isEqualTo(
				failure(400, "size", "is not a valid value", error("[\"1\",\"2\"]", "is not a valid value", "size")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dir=1", "dir=Ascending", "dir=ascending", "" })
	void ascendingOrder(String dir) {
		int[] ids = createSeven();

		Response response = get(BASE + "?orderBy=EntityId&" + dir, admin());

		assertThat(ids(response)).containsExactly(ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6]);
		assertThat(response.json().get("CurrentSortDirection").asInt()).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "Descending", "DESCENDING" })
	void descendingOrder(String dir) {
		int[] ids = createSeven();

		Response response = get(BASE + "?orderBy=EntityId&dir=" + dir, admin());

		assertThat(ids(response)).containsExactly(ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]);
		assertThat(response.json().get("CurrentSortDirection").asInt()).isEqualTo(-1);
	}

	@Test
	void orderByMatchesCaseInsensitivelyAndAnswersTheFieldName() {
		createSeven();

		assertThat(get(BASE + "?orderBy=entityid", admin()).json().get("CurrentOrderField").asString())
			.isEqualTo("EntityId");
	}

	@Test
	void equalValuesFollowInIdOrderInTheChosenDirection() {
		int[] ids = createSeven();

		assertThat(ids(get(BASE + "?orderBy=NotificationType", admin()))).containsExactly(ids[1], ids[3], ids[5],
				ids[0], ids[2], ids[4], ids[6]);
		assertThat(ids(get(BASE + "?orderBy=NotificationType&dir=-1", admin()))).containsExactly(ids[6], ids[4], ids[2],
				ids[0], ids[5], ids[3], ids[1]);
	}

	@Test
	void everyFieldOfTheRecordCanOrderTheList() {
		createSeven();
		for (String field : List.of("Id", "CoworkerId", "Message", "NotificationType", "EntityId", "IsDismissed",
				"SystemId", "UniqueId", "CreatedOn", "UpdatedOn", "UpdatedBy", "IsNew")) {
			Response response = get(BASE + "?orderBy=" + field, admin());
			assertThat(response.status()).as(field).isEqualTo(200);
			assertThat(response.json().get("TotalItems").asInt()).as(field).isEqualTo(7);
		}
	}

	@Test
	void nullsComeFirstAscendingAndLastDescending() {
		int[] ids = createSeven();
		this.jdbc.update("UPDATE coworker_notifications SET system_id = 'b' WHERE id = ?", ids[0]);
		this.jdbc.update("UPDATE coworker_notifications SET system_id = 'a' WHERE id = ?", ids[1]);

		assertThat(ids(get(BASE + "?orderBy=SystemId&size=3", admin()))).containsExactly(ids[2], ids[3], ids[4]);
		assertThat(ids(get(BASE + "?orderBy=SystemId&dir=-1&size=3", admin()))).containsExactly(ids[0], ids[1], ids[6]);
	}

	@Test
	void numberFilterMatchesExactly() {
		int[] ids = createSeven();

		assertThat(ids(get(BASE + "?CoworkerNotification_EntityId=30", admin()))).containsExactly(ids[2]);
	}

	@Test
	void coworkerFilterUsesNexudusName() {
		int[] ids = createSeven();

		assertThat(ids(get(BASE + "?CoworkerNotification_Coworker=6", admin()))).containsExactly(ids[1], ids[3],
				ids[5]);
		assertThat(ids(get(BASE + "?coworkernotification_coworkerid=6", admin()))).containsExactly(ids[1], ids[3],
				ids[5]);
	}

	@Test
	void textFilterMatchesAPartCaseInsensitively() {
		int[] ids = createSeven();

		assertThat(ids(get(BASE + "?CoworkerNotification_Message=NUMBER%205", admin()))).containsExactly(ids[4]);
		assertThat(ids(get(BASE + "?CoworkerNotification_NotificationType=BLO", admin()))).containsExactly(ids[1],
				ids[3], ids[5]);
	}

	@Test
	void likeWildcardsInATextFilterAreLiteral() {
		int plain = create(5, "100 percent", "blog", 1);
		int percent = create(5, "100% done", "blog", 2);
		int underscore = create(5, "a_b", "blog", 3);

		assertThat(ids(get(BASE + "?CoworkerNotification_Message=100%25", admin()))).containsExactly(percent);
		assertThat(ids(get(BASE + "?CoworkerNotification_Message=_", admin()))).containsExactly(underscore);
		assertThat(plain).isPositive();
	}

	@Test
	void booleanFilterMatchesExactly() {
		int[] ids = createSeven();
		this.jdbc.update("UPDATE coworker_notifications SET is_dismissed = TRUE WHERE id = ?", ids[3]);

		assertThat(ids(get(BASE + "?CoworkerNotification_IsDismissed=true", admin()))).containsExactly(ids[3]);
		assertThat(get(BASE + "?CoworkerNotification_IsDismissed=False", admin()).json().get("TotalItems").asInt())
			.isEqualTo(6);
	}

	@Test
	void numberRangeIsInclusive() {
		int[] ids = createSeven();

		assertThat(
				ids(get(BASE + "?from_CoworkerNotification_EntityId=20&to_CoworkerNotification_EntityId=40", admin())))
			.containsExactly(ids[1], ids[2], ids[3]);
	}

	@Test
	void dateRangeIsInclusiveInNexudusShortFormAndFullIso() {
		int[] ids = createSeven();
		for (int i = 0; i < ids.length; i++) {
			this.jdbc.update("UPDATE coworker_notifications SET created_on = ? WHERE id = ?",
					OffsetDateTime.parse("2025-01-1" + i + "T10:30:00Z"), ids[i]);
		}

		assertThat(ids(get(BASE + "?from_CoworkerNotification_CreatedOn=2025-01-12T10:30"
				+ "&to_CoworkerNotification_CreatedOn=2025-01-14T10:30:00Z", admin())))
			.containsExactly(ids[2], ids[3], ids[4]);
		assertThat(ids(get(BASE + "?to_CoworkerNotification_CreatedOn=2025-01-11T12:30:00%2B02:00", admin())))
			.containsExactly(ids[0], ids[1]);
		assertThat(ids(get(BASE + "?CoworkerNotification_CreatedOn=2025-01-16T10:30", admin())))
			.containsExactly(ids[6]);
	}

	@Test
	void filtersCombineWithPaging() {
		int[] ids = createSeven();

		Response response = get(BASE + "?CoworkerNotification_Coworker=5&size=2&page=2&dir=-1", admin());

		assertThat(response.body()).isEqualTo(page(records(ids[2], ids[0]), 2, 2, "Id", -1, 3, 4, 4, 2, false, true));
	}

	@ParameterizedTest
	@CsvSource({ "CoworkerNotification_EntityId,x,\"x\"", "CoworkerNotification_EntityId,2147483648,2147483648",
			"CoworkerNotification_Coworker,1.5,\"1.5\"", "CoworkerNotification_IsDismissed,yes,\"yes\"",
			"from_CoworkerNotification_CreatedOn,2025-13-01T00:00,\"2025-13-01T00:00\"",
			"to_CoworkerNotification_CreatedOn,yesterday,\"yesterday\"",
			"CoworkerNotification_UniqueId,not-a-guid,\"not-a-guid\"", "CoworkerNotification_Nope,1,1",
			"from_CoworkerNotification_Message,a,\"a\"", "to_CoworkerNotification_IsDismissed,true,\"true\"" })
	void invalidFilterIsRefusedOnThatParameter(String parameter, String value, String attempted) {
		Response response = get(BASE + "?" + parameter + "=" + value, admin());

		assertThat(response.body()).isEqualTo(
				failure(400, parameter, "is not a valid value", error(attempted, "is not a valid value", parameter)));
	}

	@Test
	void emptyFiltersAndOtherParametersAreIgnored() {
		createSeven();

		Response response = get(BASE + "?CoworkerNotification_Message=&size=&_=12345&SystemNotification_Title=x",
				admin());

		assertThat(response.json().get("TotalItems").asInt()).isEqualTo(7);
		assertThat(response.json().get("PageSize").asInt()).isEqualTo(25);
	}

	@Test
	void batchReadWithRawBracketsAnswersTheFoundRecordsInTheOrderAskedFor() {
		int[] ids = createSeven();
		String expected = "[" + records(ids[2], ids[0]) + "]";

		for (String path : List.of(BASE + "/", BASE)) {
			Response response = RawHttp.get(this.port, path + "?id=[" + ids[2] + ",987654," + ids[0] + "]", admin());
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).isEqualTo(expected);
		}
	}

	@Test
	void batchReadPercentEncodedAnswersTheSame() {
		int[] ids = createSeven();
		String expected = "[" + records(ids[2], ids[0]) + "]";

		for (String path : List.of(BASE + "/", BASE)) {
			Response response = get(path + "?id=%5B" + ids[2] + "%2C987654%2C" + ids[0] + "%5D", admin());
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).isEqualTo(expected);
		}
	}

	@Test
	void anIdInAnotherCaseIsA400AndNotTheWholeList() {
		int[] ids = createSeven();
		String message = "must be written id, in lower case, for a batch read";

		for (String name : List.of("Id", "ID", "iD")) {
			Response response = get(BASE + "/?" + name + "=%5B" + ids[0] + "%5D", admin());
			assertThat(response.body()).as(name)
				.isEqualTo(failure(400, name, message, error("\"[" + ids[0] + "]\"", message, name)));
		}
	}

	@Test
	void batchReadOfOnlyUnknownIdsIsAnEmptyArray() {
		createSeven();

		assertThat(get(BASE + "/?id=%5B987654%5D", admin()).body()).isEqualTo("[]");
		assertThat(get(BASE + "/?id=%5B%5D", admin()).body()).isEqualTo("[]");
	}

	@Test
	void batchReadTakesAtMostAThousandIds() {
		int[] ids = createSeven();
		String thousand = java.util.stream.IntStream
			.concat(java.util.stream.IntStream.of(ids[0]), java.util.stream.IntStream.rangeClosed(1_000_001, 1_000_999))
			.mapToObj(String::valueOf)
			.collect(java.util.stream.Collectors.joining(",", "[", "]"));
		String tooMany = thousand.replace("]", ",5]");

		assertThat(RawHttp.get(this.port, BASE + "/?id=" + thousand, admin()).body())
			.isEqualTo("[" + records(ids[0]) + "]");
		assertThat(RawHttp.get(this.port, BASE + "/?id=" + tooMany, admin()).body()).isEqualTo(failure(400, "id",
				"must hold at most 1000 ids", error("\"" + tooMany + "\"", "must hold at most 1000 ids", "id")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "%5Ba%5D", "%5B1%2C%5D", "", "%5B2147483648%5D", "1.5" })
	void batchReadWithIdsThatAreNotAListIsRefused(String ids) {
		Response response = get(BASE + "/?id=" + ids, admin());

		String sent = java.net.URLDecoder.decode(ids, java.nio.charset.StandardCharsets.UTF_8);
		assertThat(response.body()).isEqualTo(
				failure(400, "id", "is not a valid value", error("\"" + sent + "\"", "is not a valid value", "id")));
	}

	@Test
	void deleteAnswersTheEnvelopeStampedWithTheCallerAndRemovesTheRecord() {
		int id = create(5, "m", "blog", 1);

		Response response = delete(BASE + "/" + id, basic("cn-delete@example.com", "role-secret"));

		String deletedOn = response.json().get("UpdatedOn").asString();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(success("CoworkerNotification was successfully deleted.", """
				{"Id":%d}""".formatted(id), deletedOn, "cn-delete@example.com"));
		assertThat(deletedOn).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(get(BASE + "/" + id, admin()).body())
			.isEqualTo(failure(404, "Id", "was not found", error(String.valueOf(id), "was not found", "Id")));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM coworker_notifications", Integer.class)).isZero();
	}

	@Test
	void deleteOfAnUnknownIdIsNotFound() {
		int id = create(5, "m", "blog", 1);

		Response response = delete(BASE + "/987654", admin());

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body())
			.isEqualTo(failure(404, "Id", "was not found", error("987654", "was not found", "Id")));
		assertThat(get(BASE + "/" + id, admin()).status()).isEqualTo(200);
	}

	@Test
	void deleteTwiceIsNotFoundTheSecondTime() {
		int id = create(5, "m", "blog", 1);

		assertThat(delete(BASE + "/" + id, admin()).status()).isEqualTo(200);
		assertThat(delete(BASE + "/" + id, admin()).status()).isEqualTo(404);
	}

	@Test
	void deleteWithANonNumericIdIsNotValid() {
		assertThat(delete(BASE + "/abc", admin()).body())
			.isEqualTo(failure(400, "Id", "is not a valid value", error("\"abc\"", "is not a valid value", "Id")));
	}

	@Test
	void deleteOnTheCollectionIsNotAllowed() {
		Response response = delete(BASE, admin());

		assertThat(response.status()).isEqualTo(405);
		assertThat(response.header("Allow")).contains("GET");
	}

	@Test
	void eachOperationNeedsItsOwnRole() {
		int id = create(5, "m", "blog", 1);
		String lister = bearer("cn-list@example.com", "role-secret");
		String reader = bearer("cn-read@example.com", "role-secret");
		String deleter = bearer("cn-delete@example.com", "role-secret");
		String forbidden = failure(403, "You do not have permission to perform this action.");

		assertThat(get(BASE, lister).status()).isEqualTo(200);
		assertThat(get(BASE + "/", lister).status()).isEqualTo(200);
		assertThat(get(BASE + "?id=%5B" + id + "%5D", lister).body()).isEqualTo(forbidden);
		assertThat(RawHttp.get(this.port, BASE + "/?id=[" + id + "]", lister).body()).isEqualTo(forbidden);
		assertThat(get(BASE + "/" + id, lister).body()).isEqualTo(forbidden);
		assertThat(delete(BASE + "/" + id, lister).body()).isEqualTo(forbidden);

		assertThat(get(BASE, reader).body()).isEqualTo(forbidden);
		assertThat(get(BASE + "?id=%5B" + id + "%5D", reader).status()).isEqualTo(200);
		assertThat(RawHttp.get(this.port, BASE + "/?id=[" + id + "]", reader).status()).isEqualTo(200);
		assertThat(get(BASE + "/" + id, reader).status()).isEqualTo(200);
		assertThat(delete(BASE + "/" + id, reader).body()).isEqualTo(forbidden);

		assertThat(get(BASE, deleter).body()).isEqualTo(forbidden);
		assertThat(get(BASE + "?id=%5B" + id + "%5D", deleter).body()).isEqualTo(forbidden);
		assertThat(get(BASE + "/" + id, deleter).body()).isEqualTo(forbidden);
		assertThat(delete(BASE + "/" + id, deleter).status()).isEqualTo(200);
	}

	@Test
	void rolesOfTheOtherResourceGrantNothingHere() {
		int id = create(5, "m", "blog", 1);

		assertThat(get(BASE, bearer("sn-list@example.com", "role-secret")).status()).isEqualTo(403);
		assertThat(get(BASE + "?id=%5B" + id + "%5D", bearer("sn-read@example.com", "role-secret")).status())
			.isEqualTo(403);
		assertThat(delete(BASE + "/" + id, bearer("sn-delete@example.com", "role-secret")).status()).isEqualTo(403);
	}

	@Test
	void everyOperationNeedsCredentials() {
		int id = create(5, "m", "blog", 1);
		String unauthorized = failure(401, "Authorization has been denied for this request.");

		assertThat(get(BASE, null).body()).isEqualTo(unauthorized);
		assertThat(get(BASE + "/?id=%5B" + id + "%5D", null).body()).isEqualTo(unauthorized);
		assertThat(delete(BASE + "/" + id, null).body()).isEqualTo(unauthorized);
		assertThat(delete(BASE + "/" + id, null).header("WWW-Authenticate")).startsWith("Bearer");
	}

	/**
	 * Seven notifications: coworker 5 and 6 in turn, EntityId 10 to 70, types
	 * coworkerinvoice and blog.
	 */
	private int[] createSeven() {
		return IntStream.range(0, 7)
			.map((i) -> create(5 + i % 2, "Message number " + (i + 1), (i % 2 == 0) ? "coworkerinvoice" : "blog",
					(i + 1) * 10))
			.toArray();
	}

	private int create(int coworkerId, String message, String type, int entityId) {
		Response response = postJson(BASE, """
				{"CoworkerId":%d,"Message":"%s","NotificationType":"%s","EntityId":%d}""".formatted(coworkerId, message,
				type, entityId), admin());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("Value").get("Id").asInt();
	}

	/** The records as GET by id answers them, comma-separated. */
	private String records(int... ids) {
		return Arrays.stream(ids)
			.mapToObj((id) -> get(BASE + "/" + id, admin()).body())
			.collect(Collectors.joining(","));
	}

	private static List<Integer> ids(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().get("Records").valueStream().map((record) -> record.get("Id").asInt()).toList();
	}

	private static String page(String records, int page, int size, String orderField, int direction, long first,
			long last, long total, long pages, boolean next, boolean previous) {
		return """
				{"Records":[%s],"CurrentPage":%d,"CurrentPageSize":%d,"CurrentOrderField":"%s",\
				"CurrentSortDirection":%d,"FirstItem":%d,"LastItem":%d,"TotalItems":%d,"TotalPages":%d,\
				"HasNextPage":%s,"HasPreviousPage":%s,"PageNumber":%d,"PageSize":%d}""".formatted(records, page, size,
				orderField, direction, first, last, total, pages, next, previous, page, size);
	}

}
