package io.notifications.ephemeral.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.notifications.ephemeral.EphemeralReset;

import org.springframework.context.event.EventListener;

/**
 * The fault rules, in the order they were added. Ids count up for the life of the
 * process; the probability draws come from a generator of their own, seeded when the run
 * must be repeatable, so adding rules never changes the records' UniqueIds.
 */
public final class FaultRules {

	private final List<FaultRule> rules = new ArrayList<>();

	private final Random draws;

	private long lastId;

	FaultRules(Random draws) {
		this.draws = draws;
	}

	synchronized FaultRule add(FaultRequest request) {
		FaultRule rule = FaultRule.of(++this.lastId, request);
		this.rules.add(rule);
		return rule;
	}

	synchronized List<FaultRule> list() {
		return List.copyOf(this.rules);
	}

	synchronized boolean remove(long id) {
		return this.rules.removeIf((rule) -> rule.id() == id);
	}

	/** Removes every rule; the ids go on. */
	@EventListener(EphemeralReset.class)
	public synchronized void clear() {
		this.rules.clear();
	}

	/**
	 * The first rule that matches, has matches left and wins its draw, counted down. A
	 * rule that loses its draw is passed over without counting down.
	 */
	synchronized Optional<FaultRule> answering(String method, String path, String caller) {
		for (int i = 0; i < this.rules.size(); i++) {
			FaultRule rule = this.rules.get(i);
			if (rule.remaining() > 0 && rule.matches(method, path, caller) && wins(rule.probability())) {
				FaultRule counted = rule.countedDown();
				this.rules.set(i, counted);
				return Optional.of(counted);
			}
		}
		return Optional.empty();
	}

	/** A certain rule draws nothing, so that only uncertain ones move the generator. */
	private boolean wins(double probability) {
		return probability >= 1.0 || this.draws.nextDouble() < probability;
	}

}
