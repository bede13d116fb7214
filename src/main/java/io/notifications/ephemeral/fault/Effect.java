package io.notifications.ephemeral.fault;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.notifications.ephemeral.journal.JournalEntry.AppliedFault;

/** How a fault answers the request it matched. */
enum Effect {

	/** 429 with {@code Retry-After}, as Nexudus's rate limits answer. */
	RATE_LIMITED("RateLimited"),

	/** 500 with the message of Nexudus's transient error. */
	SERVER_ERROR("ServerError"),

	/** 503 with {@code Retry-After}. */
	UNAVAILABLE("Unavailable"),

	/** Waits, then the request runs as usual. */
	DELAY("Delay"),

	/** Closes the connection without an answer. */
	DROP(AppliedFault.DROP);

	private final String wireName;

	Effect(String wireName) {
		this.wireName = wireName;
	}

	@JsonValue
	String wireName() {
		return this.wireName;
	}

	/** Whether the answer tells the client when to try again. */
	boolean retriesAfter() {
		return this == RATE_LIMITED || this == UNAVAILABLE;
	}

	/** The effect by its name, in any case. */
	@JsonCreator
	static Effect fromWire(String name) {
		for (Effect effect : values()) {
			if (effect.wireName.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return effect;
			}
		}
		throw new IllegalArgumentException("Not an effect: " + name);
	}

}
