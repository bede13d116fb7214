package io.notifications.memo;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.notifications.support.Envelopes.error;
import static io.notifications.support.Envelopes.failure;
import static io.notifications.support.Envelopes.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memo resource, declared only in the test sources, served like the product's own:
 * every operation, the envelope, validation, the listing and the OpenAPI entry, with no
 * line of main code naming it. Its role rules are proven with every other resource's in
 * {@code DerivedRoleMatrixTests}.
 */
class MemoResourceTests extends ApiTestSupport {

	static final String BASE = MemoResource.BASE;

	@Test
	void aMemoIsCreatedReadReplacedListedAndDeleted() {
		Response created = postJson(BASE, """
				{"subject":"Water the plants","Pinned":"true","Id":99}""", admin());
		assertThat(created.status()).isEqualTo(200);
		JsonNode value = created.json().get("Value");
		int id = value.get("Id").asInt();
		assertThat(created.json().get("Message").asString()).isEqualTo("Memo was successfully created.");
		assertThat(value.propertyNames()).containsExactly("Id", "Subject", "Pinned", "RemindOn", "UniqueId",
				"CreatedOn", "UpdatedOn", "UpdatedBy", "IsNew");
		assertThat(value.get("Subject").asString()).isEqualTo("Water the plants");
		assertThat(value.get("Pinned").asBoolean()).isTrue();

		Response replaced = putJson(BASE, """
				{"Id":%d,"Subject":"Feed the cat","RemindOn":"2025-01-15T10:30:00+01:00"}""".formatted(id), admin());
		String updatedOn = replaced.json().get("UpdatedOn").asString();
		assertThat(replaced.body()).isEqualTo(success("Memo was successfully updated.", """
				{"Id":%d}""".formatted(id), updatedOn, ADMIN));

		JsonNode read = readRecord(BASE, id);
		assertThat(read.get("Subject").asString()).isEqualTo("Feed the cat");
		assertThat(read.get("Pinned").asBoolean()).isFalse();
		assertThat(read.get("RemindOn").asString()).isEqualTo("2025-01-15T09:30:00Z");
		assertThat(read.get("IsNew").asBoolean()).isFalse();

		JsonNode page = get(BASE + "?Memo_Topic=cat&orderBy=subject", admin()).json();
		assertThat(page.get("TotalItems").asInt()).isEqualTo(1);
		assertThat(page.get("Records").get(0).get("Id").asInt()).isEqualTo(id);
		assertThat(get(BASE + "/?id=[" + id + ",12345]", admin()).json().size()).isEqualTo(1);

		Response deleted = delete(BASE + "/" + id, admin());
		assertThat(deleted.json().get("Message").asString()).isEqualTo("Memo was successfully deleted.");
		assertThat(get(BASE + "/" + id, admin()).body())
			.isEqualTo(failure(404, "Id", "was not found", error(String.valueOf(id), "was not found", "Id")));
	}

	@Test
	void anInvalidMemoIsRefusedPropertyByPropertyAndNothingIsStored() {
		Response response = postJson(BASE, """
				{"Subject":"","Pinned":"maybe"}""", admin());

		assertThat(response.body()).isEqualTo(failure(400, "Subject", "is a required field",
				error("\"\"", "is a required field", "Subject"), error("\"maybe\"", "is not a valid value", "Pinned")));
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM memos", Integer.class)).isZero();
	}

	@Test
	void aMisspeltFilterOfTheMemoListIsRefused() {
		assertThat(get(BASE + "?Memo_Colour=red", admin()).body()).isEqualTo(failure(400, "Memo_Colour",
				"is not a valid value", error("\"red\"", "is not a valid value", "Memo_Colour")));
	}

	@Test
	void theOpenApiDocumentHasTheMemoEntry() {
		JsonNode document = get("/v3/api-docs", null).json();
		JsonNode collection = document.get("paths").get(BASE);

		assertThat(collection.get("put").get("operationId").asString()).isEqualTo("updateMemo");
		assertThat(collection.get("post")
			.get("requestBody")
			.get("content")
			.get("application/json")
			.get("schema")
			.get("$ref")
			.asString()).isEqualTo("#/components/schemas/MemoRequest");
		assertThat(document.get("paths")
			.get(BASE + "/{id}")
			.get("get")
			.get("responses")
			.get("200")
			.get("content")
			.get("application/json")
			.get("schema")
			.get("$ref")
			.asString()).isEqualTo("#/components/schemas/Memo");
		assertThat(document.get("components").get("schemas").get("ListPageMemo")).isNotNull();
		assertThat(collection.get("get").get("parameters").findValuesAsString("name")).contains("Memo_Topic",
				"from_Memo_RemindOn");
	}

}
