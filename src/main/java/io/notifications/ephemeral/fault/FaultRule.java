package io.notifications.ephemeral.fault;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A fault rule as stored, with the matches it has left: what the steering calls answer.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "Id", "Method", "Path", "PathPrefix", "Caller", "Effect", "Times", "Remaining", "Probability",
		"RetryAfterSeconds", "DelayMs" })
record FaultRule(@JsonProperty("Id") long id, @JsonProperty("Method") String method, @JsonProperty("Path") String path,
		@JsonProperty("PathPrefix") String pathPrefix, @JsonProperty("Caller") String caller,
		@JsonProperty("Effect") Effect effect, @JsonProperty("Times") int times,
		@JsonProperty("Remaining") int remaining, @JsonProperty("Probability") double probability,
		@JsonProperty("RetryAfterSeconds") Integer retryAfterSeconds, @JsonProperty("DelayMs") Integer delayMs) {

	/** The rule a request makes, with the contract's defaults. */
	static FaultRule of(long id, FaultRequest request) {
		int times = (request.times() != null) ? request.times() : 1;
		Integer retryAfter = request.retryAfterSeconds();
		if (retryAfter == null && request.effect().retriesAfter()) {
			retryAfter = 1;
		}
		return new FaultRule(id, request.method(), request.path(), request.pathPrefix(), request.caller(),
				request.effect(), times, times, (request.probability() != null) ? request.probability() : 1.0,
				retryAfter, request.delayMs());
	}

	/** Whether a request with these properties matches; the caller may be none. */
	boolean matches(String requestMethod, String requestPath, String requestCaller) {
		return (this.method == null || this.method.equalsIgnoreCase(requestMethod))
				&& (this.path == null || this.path.equals(requestPath))
				&& (this.pathPrefix == null || requestPath.startsWith(this.pathPrefix))
				&& (this.caller == null || this.caller.equalsIgnoreCase(requestCaller));
	}

	FaultRule countedDown() {
		return new FaultRule(this.id, this.method, this.path, this.pathPrefix, this.caller, this.effect, this.times,
				this.remaining - 1, this.probability, this.retryAfterSeconds, this.delayMs);
	}

}
