package io.notifications.persistence;

import java.util.Random;
import java.util.UUID;

/**
 * Where new records' UniqueIds come from: random UUIDs, or, for a test that must be
 * reproducible (ephemeral mode's {@code notifications.ephemeral.seed}), a seeded sequence
 * of them.
 */
@FunctionalInterface
public interface UniqueIds {

	UUID next();

	/** Random version 4 UUIDs, as Nexudus gives. */
	static UniqueIds random() {
		return UUID::randomUUID;
	}

	/**
	 * Version 4 UUIDs drawn from a generator seeded with {@code seed}: the same sequence
	 * every run.
	 */
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
