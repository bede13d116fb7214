package io.notifications.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 date-times: with {@code Z} or an offset converted to UTC; without one, taken
 * as UTC.
 */
public final class DateTimes {

	/**
	 * {@link DateTimeFormatter#ISO_DATE_TIME} without what ISO-8601 does not write: a
	 * decimal point with no digits, a {@code [zone]} suffix.
	 */
	private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_LOCAL_DATE)
		.appendLiteral('T')
		.appendValue(ChronoField.HOUR_OF_DAY, 2)
		.appendLiteral(':')
		.appendValue(ChronoField.MINUTE_OF_HOUR, 2)
		.optionalStart()
		.appendLiteral(':')
		.appendValue(ChronoField.SECOND_OF_MINUTE, 2)
		.optionalStart()
		.appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
		.optionalEnd()
		.optionalEnd()
		.optionalStart()
		.appendOffsetId()
		.toFormatter()
		.withResolverStyle(ResolverStyle.STRICT)
		.withChronology(IsoChronology.INSTANCE);

	private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

	private DateTimes() {
	}

	/**
	 * Truncated to the microseconds the database keeps.
	 * @throws DateTimeException if not a date-time, or outside years 1 to 9999
	 */
	public static Instant parse(String text) {
		TemporalAccessor parsed = ISO.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
		Instant instant = (parsed instanceof OffsetDateTime offset) ? offset.toInstant()
				: ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
		if (!isStorable(instant)) {
			throw new DateTimeException("Out of range: " + text);
		}
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	/** Within years 1 to 9999, as the database and the wire keep date-times. */
	public static boolean isStorable(Instant instant) {
		return !instant.isBefore(MIN) && !instant.isAfter(MAX);
	}

}
