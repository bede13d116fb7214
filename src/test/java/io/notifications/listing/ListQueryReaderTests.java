package io.notifications.listing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.notifications.listing.ListQuery.Filter;
import io.notifications.listing.ListQuery.Operator;
import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How a list request's parameters are read, without a server: names case-insensitively,
 * empty values as absent, filters by the resource's prefix, and every bad parameter named
 * at once.
 */
class ListQueryReaderTests {

	final ListQueryReader reader = reader();

	static ListQueryReader reader() {
		Map<String, ListField> fields = new LinkedHashMap<>();
		fields.put("id", ListField.of("Id", "id", int.class));
		fields.put("title", ListField.of("Title", "title", String.class));
		fields.put("remindon", ListField.of("RemindOn", "remindOn", Instant.class));
		fields.put("pinned", ListField.of("Pinned", "pinned", boolean.class));
		fields.put("topic", fields.get("title"));
		return new ListQueryReader("Note", fields);
	}

	@Test
	void withoutParametersTheFirstPageOfTwentyFiveInIdOrder() {
		ListQuery query = this.reader.read(new LinkedMultiValueMap<>());

		assertThat(query.page()).isEqualTo(1);
		assertThat(query.size()).isEqualTo(Listing.DEFAULT_SIZE);
		assertThat(query.orderBy().wireName()).isEqualTo("Id");
		assertThat(query.direction()).isEqualTo(1);
		assertThat(query.filters()).isEmpty();
	}

	@Test
	void namesMatchCaseInsensitivelyAndEmptyValuesAreAbsent() {
		ListQuery query = this.reader.read(parameters("PAGE", "3", "Size", "10", "orderby", "remindon", "DIR",
				"Descending", "note_TOPIC", "Plant", "From_Note_RemindOn", "2025-01-15T10:30", "Note_Pinned", ""));

		assertThat(query.page()).isEqualTo(3);
		assertThat(query.size()).isEqualTo(10);
		assertThat(query.offset()).isEqualTo(20);
		assertThat(query.orderBy().wireName()).isEqualTo("RemindOn");
		assertThat(query.direction()).isEqualTo(-1);
		assertThat(query.filters()).extracting(Filter::operator, (filter) -> filter.field().wireName(), Filter::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Operator.CONTAINS, "Title", "Plant"),
					org.assertj.core.groups.Tuple.tuple(Operator.AT_LEAST, "RemindOn",
							Instant.parse("2025-01-15T10:30:00Z")));
	}

	@Test
	void parametersOutsideTheVocabularyAreIgnored() {
		assertThat(this.reader.read(parameters("callback", "x", "Other_Title", "y")).filters()).isEmpty();
	}

	@Test
	void everyBadParameterIsNamedAtOnceInTheOrderSent() {
		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> this.reader.read(parameters("page", "0", "size", "1001", "orderBy", "Colour", "dir", "up",
						"Note_Colour", "red", "from_Note_Pinned", "true", "Note_Id", "1.5")));

		assertThat(refused.getErrors()).extracting(ErrorItem::propertyName)
			.containsExactly("page", "size", "orderBy", "dir", "Note_Colour", "from_Note_Pinned", "Note_Id");
		assertThat(refused.getErrors()).extracting(ErrorItem::message).containsOnly(ErrorItem.NOT_VALID);
	}

	@Test
	void aRepeatedParameterIsRefusedWithAllItsValues() {
		MultiValueMap<String, String> sent = parameters("page", "1");
		sent.add("PAGE", "2");

		InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class,
				() -> this.reader.read(sent));

		assertThat(refused.getErrors()).containsExactly(new ErrorItem(List.of("1", "2"), ErrorItem.NOT_VALID, "page"));
	}

	private static MultiValueMap<String, String> parameters(String... namesAndValues) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			parameters.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return parameters;
	}

}
