package io.notifications.listing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import io.notifications.value.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How a list filter's query-string value is read: with the wire-value rules of JSON
 * strings.
 */
class ListFieldTests {

	@Test
	void aFieldsKindFollowsItsType() {
		assertThat(ListField.of("Id", "id", Integer.class).kind()).isEqualTo(ListField.Kind.NUMBER);
		assertThat(ListField.of("Title", "title", String.class).kind()).isEqualTo(ListField.Kind.TEXT);
		assertThat(ListField.of("Flag", "flag", Boolean.class).kind()).isEqualTo(ListField.Kind.BOOLEAN);
		assertThat(ListField.of("At", "at", Instant.class).kind()).isEqualTo(ListField.Kind.DATE_TIME);
		assertThat(ListField.of("UniqueId", "uniqueId", UUID.class).kind()).isEqualTo(ListField.Kind.GUID);
		assertThat(ListField.of("Level", "level", Level.class).kind()).isEqualTo(ListField.Kind.ENUM);
		assertThat(ListField.of("At", "at", Instant.class).hasRange()).isTrue();
		assertThat(ListField.of("Level", "level", Level.class).hasRange()).isFalse();
	}

	@Test
	void valuesAreReadWithTheWireValueRules() {
		assertThat(ListField.of("Id", "id", Integer.class).parse("-12")).isEqualTo(-12);
		assertThat(ListField.of("Title", "title", String.class).parse(" Any text ")).isEqualTo(" Any text ");
		assertThat(ListField.of("Flag", "flag", Boolean.class).parse("TRUE")).isEqualTo(true);
		assertThat(ListField.of("Level", "level", Level.class).parse("3")).isEqualTo(Level.HIGH);
		assertThat(ListField.of("Level", "level", Level.class).parse("low")).isEqualTo(Level.LOW);
		assertThat(ListField.of("At", "at", Instant.class).parse("2025-01-15T10:30"))
			.isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
	}

	@Test
	void anOffsetsPlusMayArriveAsASpace() {
		assertThat(ListField.of("At", "at", Instant.class).parse("2025-01-15T12:30:00 02:00"))
			.isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " 5", "+5", "1.0", "2147483648", "abc" })
	void aNumberFilterTakesIntsOnly(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> ListField.of("Id", "id", Integer.class).parse(text));
	}

	@Test
	void otherValuesOutsideTheirTypeAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ListField.of("Flag", "flag", Boolean.class).parse("1"));
		assertThatIllegalArgumentException().isThrownBy(() -> ListField.of("Level", "level", Level.class).parse("2"));
		assertThatIllegalArgumentException().isThrownBy(() -> ListField.of("At", "at", Instant.class).parse("2025"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ListField.of("UniqueId", "uniqueId", UUID.class).parse("not-a-guid"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ListField.of("Title", "title", String.class).parse("a\u0000b"));
	}

	@Test
	void theAttemptedValueIsANumberWhereTheTextReadsAsOne() {
		assertThat(ListField.attempted("99999999999")).isEqualTo(new BigInteger("99999999999"));
		assertThat(ListField.attempted("abc")).isEqualTo("abc");
	}

	@Test
	void anIntegerWrittenAnotherWayIsEchoedAsSent() {
		assertThat(ListField.attempted("-3")).isEqualTo(new BigInteger("-3"));
		assertThat(ListField.attempted("007")).isEqualTo("007");
		assertThat(ListField.attempted("-0")).isEqualTo("-0");
	}

}
