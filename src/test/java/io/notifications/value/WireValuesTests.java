package io.notifications.value;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The wire-value rules that JSON strings, list filters and form fields share.
 */
class WireValuesTests {

	@ParameterizedTest
	@CsvSource({ "42,42", "-7,-7", "0,0", "007,7", "2147483647,2147483647", "-2147483648,-2147483648" })
	void anIntIsDecimalDigitsWithinRange(String text, int value) {
		assertThat(WireValues.toInt(text)).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " 5", "5 ", "+5", "1.0", "1e3", "0x10", "2147483648", "-2147483649", "-", "٣" })
	void anythingElseIsNotAnInt(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toInt(text));
	}

	@ParameterizedTest
	@CsvSource({ "true,true", "TRUE,true", "False,false" })
	void aBooleanIsTrueOrFalseInAnyCase(String text, boolean value) {
		assertThat(WireValues.toBoolean(text)).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1", "yes", " true" })
	void anythingElseIsNotABoolean(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toBoolean(text));
	}

	@ParameterizedTest
	@CsvSource({ "1,LOW", "3,HIGH", "low,LOW", "High,HIGH", "003,HIGH" })
	void aCodedEnumIsReadByCodeOrName(String text, Level value) {
		assertThat(WireValues.toCoded(Level.class, text)).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2", "0", "MEDIUM", "", "1.0", "99999999999" })
	void aCodeOrNameOutsideTheEnumIsRefused(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toCoded(Level.class, text));
	}

	@ParameterizedTest
	@CsvSource({ "2025-01-15T10:30:00Z,2025-01-15T10:30:00Z", "2025-01-15T12:30:00+02:00,2025-01-15T10:30:00Z",
			"2025-01-15T10:30,2025-01-15T10:30:00Z", "2025-01-15T10:30:00.1234567Z,2025-01-15T10:30:00.123456Z",
			"2025-01-15t10:30:00.5z,2025-01-15T10:30:00.5Z", "2025-01-15T10:30:00.5,2025-01-15T10:30:00.5Z" })
	void aDateTimeIsIsoAndTakenAsUtcWithoutAnOffset(String text, Instant value) {
		assertThat(WireValues.toDateTime(text)).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "2025-01-15", "yesterday", "10000-01-01T00:00:00Z", "1736937000",
			"2025-01-15T10:30:00.Z", "2025-01-15T10:30:00+01:00[Europe/Paris]", "2025-01-15T10:30:00Z[UTC]" })
	void anythingElseIsNotADateTime(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toDateTime(text));
	}

	/** Readable, but outside what the database and the wire keep. */
	@ParameterizedTest
	@ValueSource(strings = { "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "0001-01-01T00:00:00+01:00",
			"9999-12-31T23:59:59-01:00" })
	void aDateTimeOutsideYearsOneTo9999IsRefused(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toDateTime(text));
	}

	@Test
	void theFirstAndLastStorableInstantsAreDateTimes() {
		assertThat(WireValues.toDateTime("0001-01-01T00:00:00Z")).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
		assertThat(WireValues.toDateTime("9999-12-31T23:59:59.999999Z"))
			.isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
	}

	@Test
	void textKeepsEverythingButNulAndLoneSurrogates() {
		assertThat(WireValues.toText("é \uD83D\uDE00 \t")).isEqualTo("é \uD83D\uDE00 \t");
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toText("a\u0000b"));
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toText("a\uD800b"));
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toText("\uDC00"));
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toText("a\uDC00"));
		assertThatIllegalArgumentException().isThrownBy(() -> WireValues.toText("end\uD83D"));
	}

}
