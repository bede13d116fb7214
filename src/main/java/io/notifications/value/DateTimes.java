package io.notifications.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * ISO-8601 date-times: with {@code Z} or an offset converted to UTC; without one, taken
 * as UTC.
 */
public final class DateTimes {

	private static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

	private DateTimes() {
	}

	/**
	 * Truncated to the microseconds the database keeps.
	 * @throws DateTimeException if not a date-time, or outside years 1 to 9999
	 */
	public static Instant parse(String text) {
		TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
				LocalDateTime::from);
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
