package io.notifications.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The server's fault rules ({@code /ephemeral/faults}, CONTRACT.md section 7): rules that answer
 * matching requests with one of Nexudus's real failure modes, for testing a client's retries. Rules
 * are tried in the order they were added; the reset before each test removes them all.
 *
 * <pre>{@code
 * FaultRule rule = nexudus.faults().add(Fault.serverError().method("PUT").times(2));
 * // ... the client under test retries ...
 * assertThat(nexudus.faults().list().get(0).remaining()).isZero();
 * nexudus.faults().remove(rule);
 * }</pre>
 */
public final class Faults {

	private static final String PATH = "/ephemeral/faults";

	private final ServerConnection connection;

	Faults(ServerConnection connection) {
		this.connection = connection;
	}

	/** Adds a rule after the existing ones, and returns it as the server stored it (with its id). */
	public FaultRule add(Fault fault) {
		return FaultRule.from(JsonFields.of(this.connection.steer("POST", PATH, fault.toJson()), "The added rule"));
	}

	/** The rules in the order they are tried, spent ones ({@code remaining() == 0}) included. */
	public List<FaultRule> list() {
		JsonFields answer = JsonFields.of(this.connection.steer("GET", PATH, null), "The fault rules");
		List<FaultRule> rules = new ArrayList<>();
		for (Object rule : answer.list("Records")) {
			rules.add(FaultRule.from(JsonFields.of(rule, "A fault rule")));
		}
		return List.copyOf(rules);
	}

	/** Removes one rule; an id the server does not know is a {@link NotificationsServerException} (404). */
	public void remove(long id) {
		this.connection.steer("DELETE", PATH + "/" + id, null);
	}

	/** Removes one rule. */
	public void remove(FaultRule rule) {
		remove(rule.id());
	}

	/** Removes every rule. */
	public void clear() {
		this.connection.steer("DELETE", PATH, null);
	}

}
