package io.notifications.testing;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A fault rule to add with {@link Faults#add(Fault)}: one of Nexudus's real failure modes, answered
 * to the requests it matches (CONTRACT.md section 7). Start from an effect, then narrow it; each
 * method returns a new rule, so a rule can be kept and varied:
 *
 * <pre>{@code
 * nexudus.faults().add(Fault.serverError().method("PUT").path("/api/spaces/coworkernotifications").times(2));
 * nexudus.faults().add(Fault.rateLimited(30).caller("a@example.com"));
 * nexudus.faults().add(Fault.delay(Duration.ofSeconds(2)).pathPrefix("/api/sys/").probability(0.5));
 * }</pre>
 */
public final class Fault {

	private final String effect;

	private final String method;

	private final String path;

	private final String pathPrefix;

	private final String caller;

	private final int times;

	private final Double probability;

	private final Integer retryAfterSeconds;

	private final Integer delayMs;

	private Fault(String effect, String method, String path, String pathPrefix, String caller, int times,
			Double probability, Integer retryAfterSeconds, Integer delayMs) {
		this.effect = effect;
		this.method = method;
		this.path = path;
		this.pathPrefix = pathPrefix;
		this.caller = caller;
		this.times = times;
		this.probability = probability;
		this.retryAfterSeconds = retryAfterSeconds;
		this.delayMs = delayMs;
	}

	private static Fault of(String effect, Integer retryAfterSeconds, Integer delayMs) {
		return new Fault(effect, null, null, null, null, 1, null, retryAfterSeconds, delayMs);
	}

	/** 429 with {@code Retry-After} of the server's default (1 s). */
	public static Fault rateLimited() {
		return of("RateLimited", null, null);
	}

	/** 429, {@code Retry-After: retryAfterSeconds}, Message "Wait N seconds before accessing this url again." */
	public static Fault rateLimited(int retryAfterSeconds) {
		return of("RateLimited", atLeastOne(retryAfterSeconds), null);
	}

	/** 500, Message "Ooops! There was a problem while running this action" (Nexudus's transient error). */
	public static Fault serverError() {
		return of("ServerError", null, null);
	}

	/** 503 with {@code Retry-After} of the server's default (1 s). */
	public static Fault unavailable() {
		return of("Unavailable", null, null);
	}

	/** 503, {@code Retry-After: retryAfterSeconds}. */
	public static Fault unavailable(int retryAfterSeconds) {
		return of("Unavailable", atLeastOne(retryAfterSeconds), null);
	}

	/** Waits {@code delay} (1 ms to 60 s), then answers normally. */
	public static Fault delay(Duration delay) {
		long millis = delay.toMillis();
		if (millis < 1 || millis > 60_000) {
			throw new IllegalArgumentException("A delay is 1 ms to 60 s, not " + delay);
		}
		return of("Delay", null, (int) millis);
	}

	/** Waits {@code delayMs} milliseconds (1 to 60,000), then answers normally. */
	public static Fault delayMs(int delayMs) {
		return delay(Duration.ofMillis(delayMs));
	}

	/** Closes the connection without an answer. */
	public static Fault drop() {
		return of("Drop", null, null);
	}

	/** Only requests with this method ({@code PUT}, ...). */
	public Fault method(String method) {
		return new Fault(this.effect, method.toUpperCase(Locale.ROOT), this.path, this.pathPrefix, this.caller,
				this.times, this.probability, this.retryAfterSeconds, this.delayMs);
	}

	/** Only requests to exactly this path (no query). */
	public Fault path(String path) {
		return new Fault(this.effect, this.method, Objects.requireNonNull(path), this.pathPrefix, this.caller,
				this.times, this.probability, this.retryAfterSeconds, this.delayMs);
	}

	/** Only requests whose path starts with this. */
	public Fault pathPrefix(String pathPrefix) {
		return new Fault(this.effect, this.method, this.path, Objects.requireNonNull(pathPrefix), this.caller,
				this.times, this.probability, this.retryAfterSeconds, this.delayMs);
	}

	/** Only requests authenticated as this user (email). */
	public Fault caller(String email) {
		return new Fault(this.effect, this.method, this.path, this.pathPrefix, Objects.requireNonNull(email),
				this.times, this.probability, this.retryAfterSeconds, this.delayMs);
	}

	/** Answers this many matching requests (default 1), then lets them through. */
	public Fault times(int times) {
		return new Fault(this.effect, this.method, this.path, this.pathPrefix, this.caller, atLeastOne(times),
				this.probability, this.retryAfterSeconds, this.delayMs);
	}

	/**
	 * Answers a matching request with this chance (0 to 1, default 1); the draws come from the
	 * generator seeded by {@code notifications.ephemeral.seed}.
	 */
	public Fault probability(double probability) {
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("A probability is 0 to 1, not " + probability);
		}
		return new Fault(this.effect, this.method, this.path, this.pathPrefix, this.caller, this.times, probability,
				this.retryAfterSeconds, this.delayMs);
	}

	/** The effect: {@code RateLimited}, {@code ServerError}, {@code Unavailable}, {@code Delay} or {@code Drop}. */
	public String effect() {
		return this.effect;
	}

	/**
	 * The body of {@code POST /ephemeral/faults}: the contract's properties in its order, those not set
	 * left out (the server's defaults apply: any method, path and caller, Probability 1,
	 * RetryAfterSeconds 1); {@code Times} always, 1 unless set.
	 */
	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		putIfSet(json, "Method", this.method);
		putIfSet(json, "Path", this.path);
		putIfSet(json, "PathPrefix", this.pathPrefix);
		putIfSet(json, "Caller", this.caller);
		json.put("Effect", this.effect);
		json.put("Times", this.times);
		putIfSet(json, "Probability", this.probability);
		putIfSet(json, "RetryAfterSeconds", this.retryAfterSeconds);
		putIfSet(json, "DelayMs", this.delayMs);
		return json;
	}

	@Override
	public String toString() {
		return "Fault" + Json.write(toJson());
	}

	private static void putIfSet(Map<String, Object> json, String name, Object value) {
		if (value != null) {
			json.put(name, value);
		}
	}

	private static int atLeastOne(int value) {
		if (value < 1) {
			throw new IllegalArgumentException("Must be 1 or more, not " + value);
		}
		return value;
	}

}
