package io.notifications.persistence;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded UniqueIds repeat with their seed and are version 4 UUIDs, as random ones are.
 */
class UniqueIdsTests {

	@Test
	void theSameSeedGivesTheSameUniqueIdsAndAnotherSeedOthers() {
		assertThat(ten(UniqueIds.seeded(42))).isEqualTo(ten(UniqueIds.seeded(42)))
			.doesNotContainAnyElementsOf(ten(UniqueIds.seeded(43)))
			.doesNotHaveDuplicates();
	}

	@Test
	void seededUniqueIdsAreVersion4UuidsOfTheIetfVariant() {
		assertThat(ten(UniqueIds.seeded(7))).allSatisfy((id) -> {
			assertThat(id.version()).isEqualTo(4);
			assertThat(id.variant()).isEqualTo(2);
			assertThat(UUID.fromString(id.toString())).isEqualTo(id);
		});
	}

	private static List<UUID> ten(UniqueIds ids) {
		return Stream.generate(ids::next).limit(10).toList();
	}

}
