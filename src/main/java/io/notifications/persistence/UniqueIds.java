package io.notifications.persistence;

import java.util.Random;
import java.util.UUID;

/**
 * Seeded for a reproducible test (ephemeral mode's {@code notifications.ephemeral.seed}).
 */
@FunctionalInterface
public interface UniqueIds {

	UUID next();

	/** Random version 4 UUIDs, as Nexudus gives. */
	static UniqueIds random() {
		return UUID::randomUUID;
	}

	/** The same sequence every run. */
	static UniqueIds seeded(long seed) {
		Random random = new Random(seed);
		return () -> {
			synchronized (random) {
				long most = (random.nextLong() & ~0xF000L) | 0x4000L;
				long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
				return new UUID(most, least);
			}
		};
	}

}
