package io.notifications.testing;

/**
 * A fault rule as the server stores it ({@code POST} and {@code GET /ephemeral/faults}, CONTRACT.md
 * section 7).
 *
 * @param id the rule's id, for {@link Faults#remove(long)}
 * @param method the method it matches, or {@code null} for any
 * @param path the exact path it matches, or {@code null}
 * @param pathPrefix the path prefix it matches, or {@code null}
 * @param caller the authenticated email it matches, or {@code null} for any
 * @param effect {@code RateLimited}, {@code ServerError}, {@code Unavailable}, {@code Delay} or
 * {@code Drop}
 * @param times how many requests it answers in all
 * @param remaining how many it has still to answer (a rule at 0 stays listed)
 * @param probability the chance that it answers a matching request
 * @param retryAfterSeconds the {@code Retry-After} of {@code RateLimited} and {@code Unavailable}, else
 * {@code null}
 * @param delayMs the wait of {@code Delay}, else {@code null}
 */
public record FaultRule(long id, String method, String path, String pathPrefix, String caller, String effect,
		int times, int remaining, double probability, Integer retryAfterSeconds, Integer delayMs) {

	static FaultRule from(JsonFields json) {
		Double probability = json.decimal("Probability");
		return new FaultRule(json.wholeRequired("Id"), json.string("Method"), json.string("Path"),
				json.string("PathPrefix"), json.string("Caller"), json.string("Effect"),
				Math.toIntExact(json.wholeRequired("Times")), Math.toIntExact(json.wholeRequired("Remaining")),
				(probability != null) ? probability : 1.0, json.integer("RetryAfterSeconds"), json.integer("DelayMs"));
	}

}
