package io.notifications.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.notifications.value.Level;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The binding rules of CONTRACT.md section 2, without a Spring context: a JSON body or
 * form fields in, a request record or the list of failing properties out.
 */
class RequestBinderTests {

	private static final RequestBinder binder = new RequestBinder(
			Validation.buildDefaultValidatorFactory().getValidator());

	/**
	 * Reads an attempted value as the binder keeps it: {@code 1e3} stays {@code 1E+3},
	 * not {@code 1000.0}.
	 */
	private static final JsonMapper json = JsonMapper.builder()
		.enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	/** A request with one field of each kind; the component order is the error order. */
	record Sample(@JsonProperty("Id") @NotNull(groups = OnUpdate.class) @Positive(groups = OnUpdate.class) Integer id,
			@JsonProperty("Count") @NotNull @PositiveOrZero Integer count,
			@JsonProperty("Title") @NotBlank @Size(max = 5) String title, @JsonProperty("Level") @NotNull Level level,
			@JsonProperty("StartTime") Instant startTime, @JsonProperty("Flag") Boolean flag) {
	}

	@Test
	void namesMatchCaseInsensitivelyAndScalarsMayBeStrings() {
		Sample sample = bind(
				"""
						{"id":"12","COUNT":"0","title":"abc","level":"3","starttime":"2025-01-15T12:30:00+02:00","flag":"TRUE"}""");

		assertThat(sample).isEqualTo(new Sample(12, 0, "abc", Level.HIGH, Instant.parse("2025-01-15T10:30:00Z"), true));
	}

	@Test
	void nativeJsonValuesBind() {
		Sample sample = bind("""
				{"Id":12,"Count":7,"Title":"abc","Level":"low","StartTime":"2025-01-15T10:30","Flag":false}""");

		assertThat(sample).isEqualTo(new Sample(12, 7, "abc", Level.LOW, Instant.parse("2025-01-15T10:30:00Z"), false));
	}

	@Test
	void unknownAndIgnoredPropertiesAreLeftUnset() {
		Sample sample = binder.bind(bytes("""
				{"Id":"not even a number","Count":1,"Title":"t","Level":1,"UniqueId":"x","Nested":{"a":[1,2]}}"""),
				Sample.class, Set.of("Id"));

		assertThat(sample).isEqualTo(new Sample(null, 1, "t", Level.LOW, null, null));
	}

	@Test
	void everyFailingPropertyIsListedInComponentOrder() {
		assertThat(errorsOf("""
				{"Flag":1,"StartTime":5,"Level":"Mid","Title":"","Count":1.5,"Id":true}""")).isEqualTo("""
				[{"AttemptedValue":true,"Message":"is not a valid value","PropertyName":"Id"},\
				{"AttemptedValue":1.5,"Message":"is not a valid value","PropertyName":"Count"},\
				{"AttemptedValue":"","Message":"is a required field","PropertyName":"Title"},\
				{"AttemptedValue":"Mid","Message":"is not a valid value","PropertyName":"Level"},\
				{"AttemptedValue":5,"Message":"is not a valid value","PropertyName":"StartTime"},\
				{"AttemptedValue":1,"Message":"is not a valid value","PropertyName":"Flag"}]""");
	}

	@Test
	void wrongTokensForEveryKindAreEachReported() {
		assertThat(errorsOf("""
				{"Id":[1],"Count":{"v":1},"Title":42,"Level":2.0,"StartTime":true,"Flag":"yes"}""")).isEqualTo("""
				[{"AttemptedValue":[1],"Message":"is not a valid value","PropertyName":"Id"},\
				{"AttemptedValue":{"v":1},"Message":"is not a valid value","PropertyName":"Count"},\
				{"AttemptedValue":42,"Message":"is not a valid value","PropertyName":"Title"},\
				{"AttemptedValue":2.0,"Message":"is not a valid value","PropertyName":"Level"},\
				{"AttemptedValue":true,"Message":"is not a valid value","PropertyName":"StartTime"},\
				{"AttemptedValue":"yes","Message":"is not a valid value","PropertyName":"Flag"}]""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.9", "5.0", "1e3", "2147483648", "\"2147483648\"", "\" 5\"", "\"+5\"", "\"\"", "true",
			"\"abc\"" })
	void anIntTakesIntegerLiteralsOrTheirDigitsOnly(String sent) {
		assertThat(errorsOf("""
				{"Id":1,"Count":%s,"Title":"t","Level":1}""".formatted(sent))).isEqualTo("""
				[{"AttemptedValue":%s,"Message":"is not a valid value","PropertyName":"Count"}]"""
			.formatted(json.readTree(sent)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1736937000", "\"yesterday\"", "\"2025-01-15\"", "\"10000-01-01T00:00:00Z\"", "\"\"" })
	void aDateTimeTakesIsoTextOnly(String sent) {
		assertThat(errorsOf("""
				{"Id":1,"Count":1,"Title":"t","Level":1,"StartTime":%s}""".formatted(sent))).isEqualTo("""
				[{"AttemptedValue":%s,"Message":"is not a valid value","PropertyName":"StartTime"}]"""
			.formatted(json.readTree(sent)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"a\\u0000b\"", "\"a\\ud800b\"", "\"\\udc00\"" })
	void nulAndLoneSurrogatesFailTheirProperty(String sent) {
		InvalidRequestException failure = failureOf("""
				{"Id":1,"Count":1,"Title":%s,"Level":1}""".formatted(sent));

		assertThat(failure.getErrors()).extracting(ErrorItem::propertyName, ErrorItem::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Title", "is not a valid value"));
	}

	@Test
	void nulAndLoneSurrogatesFailUnknownAndIgnoredPropertiesTooAfterTheRecordsOwn() {
		InvalidRequestException failure = assertThrows(InvalidRequestException.class, () -> binder.bind(
				bytes("""
						{"Id":"\\u0000","Count":1,"Title":"\\ud800","Level":1,"X\\u0000":"a","Nested":{"b":["\\udc00"]},"Fine":"x"}"""),
				Sample.class, Set.of("Id")));

		assertThat(failure.getErrors()).extracting(ErrorItem::propertyName, ErrorItem::message)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Title", "is not a valid value"),
					org.assertj.core.groups.Tuple.tuple("Id", "is not a valid value"),
					org.assertj.core.groups.Tuple.tuple("X\u0000", "is not a valid value"),
					org.assertj.core.groups.Tuple.tuple("Nested", "is not a valid value"));
	}

	@Test
	void aRawNulFailsItsPropertyToo() {
		assertThat(failureOf("""
				{"Id":1,"Count":1,"Title":"a\u0000b","Level":1}""").getErrors()).extracting(ErrorItem::propertyName)
			.containsExactly("Title");
	}

	@Test
	void aValueThatCannotBeReadOutranksItsRequiredError() {
		assertThat(errorsOf("""
				{"Id":1,"Count":"x","Title":"t"}""")).isEqualTo("""
				[{"AttemptedValue":"x","Message":"is not a valid value","PropertyName":"Count"},\
				{"AttemptedValue":null,"Message":"is a required field","PropertyName":"Level"}]""");
	}

	@Test
	void aRequiredErrorOutranksOtherConstraintsOnTheSameProperty() {
		// six blanks: both @NotBlank and @Size(max = 5) fail; the annotation type
		// decides, not the text
		assertThat(errorsOf("""
				{"Id":0,"Count":-1,"Title":"      ","Level":1}""")).isEqualTo("""
				[{"AttemptedValue":0,"Message":"is not a valid value","PropertyName":"Id"},\
				{"AttemptedValue":-1,"Message":"is not a valid value","PropertyName":"Count"},\
				{"AttemptedValue":"      ","Message":"is a required field","PropertyName":"Title"}]""");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "not json", "{", "[]", "[{\"Id\":1}]", "\"text\"", "42", "null",
			"{\"Id\":1,\"Id\":2}", "{\"Id\":1,\"id\":2}", "{\"Count\":NaN}", "{\"Count\":Infinity}",
			"{\"Id\":1} {\"Id\":2}", "{\"Id\":1} x", "{'Id':1}", "{Id:1}", "{\"Id\":1,}" })
	void aBodyThatIsNotOneJsonObjectIsUnreadable(String body) {
		assertThatExceptionOfType(UnreadableBodyException.class)
			.isThrownBy(() -> binder.bind(bytes(body), Sample.class, Set.of(), OnUpdate.class))
			.withMessage(UnreadableBodyException.NOT_JSON);
	}

	@Test
	void formFieldsBindWithTheRulesOfJsonStrings() {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("id", "12");
		form.put("Count", "7");
		form.put("TITLE", "abc");
		form.put("Level", "High");
		form.put("StartTime", "2025-01-15T10:30:00Z");
		form.put("Flag", "");

		Sample sample = binder.bind(RequestBinder.textFields(form), Sample.class, Set.of(), OnUpdate.class);

		assertThat(sample).isEqualTo(new Sample(12, 7, "abc", Level.HIGH, Instant.parse("2025-01-15T10:30:00Z"), null));
	}

	@Test
	void anEmptyFormFieldIsNullAndABadOneNotValid() {
		InvalidRequestException failure = catchInvalid(() -> binder.bind(
				RequestBinder.textFields(Map.of("Id", "1", "Count", "1.5", "Title", "", "Level", "1")), Sample.class,
				Set.of(), OnUpdate.class));

		assertThat(json.writeValueAsString(failure.getErrors())).isEqualTo("""
				[{"AttemptedValue":"1.5","Message":"is not a valid value","PropertyName":"Count"},\
				{"AttemptedValue":null,"Message":"is a required field","PropertyName":"Title"}]""");
	}

	private static Sample bind(String body) {
		return binder.bind(bytes(body), Sample.class, Set.of(), OnUpdate.class);
	}

	private static String errorsOf(String body) {
		return json.writeValueAsString(failureOf(body).getErrors());
	}

	private static InvalidRequestException failureOf(String body) {
		return catchInvalid(() -> bind(body));
	}

	private static InvalidRequestException catchInvalid(Runnable binding) {
		try {
			binding.run();
		}
		catch (InvalidRequestException ex) {
			return ex;
		}
		throw new AssertionError("The request was bound");
	}

	private static byte[] bytes(String body) {
		return body.getBytes(StandardCharsets.UTF_8);
	}

}
