package io.notifications.ephemeral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SteeredClockTests {

	static final Instant START = Instant.parse("2025-01-15T10:30:00Z");

	@Test
	void aViewInAnotherZoneFollowsTheSteering() {
		SteeredClock clock = new SteeredClock(START);
		Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

		assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(paris.instant()).isEqualTo(START);
		clock.advance(Duration.ofHours(2));
		assertThat(paris.instant()).isEqualTo(START.plus(Duration.ofHours(2)));
		assertThat(paris.withZone(ZoneOffset.UTC)).isSameAs(clock);
	}

	@Test
	void inUtcItIsItself() {
		SteeredClock clock = new SteeredClock(START);

		assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
	}

}
