package io.notifications.ephemeral.fault;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.notifications.web.ErrorItem;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A fault rule as a test sends it to {@code POST /ephemeral/faults}. The component order
 * is the order in which validation errors are reported. A misspelt name is refused: left
 * out, it would widen the rule (no {@code Method} matches every method).
 */
@ConsistentFault
@JsonIgnoreProperties(ignoreUnknown = false)
record FaultRequest(
		@JsonProperty("Method") @Pattern(regexp = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS",
				flags = Pattern.Flag.CASE_INSENSITIVE, message = ErrorItem.NOT_VALID) String method,
		@JsonProperty("Path") @Pattern(regexp = "/.*", message = ErrorItem.NOT_VALID) @Size(max = 2048) String path,
		@JsonProperty("PathPrefix") @Pattern(regexp = "/.*",
				message = ErrorItem.NOT_VALID) @Size(max = 2048) String pathPrefix,
		@JsonProperty("Caller") @Pattern(regexp = ".*\\S.*",
				message = ErrorItem.NOT_VALID) @Size(max = 255) String caller,
		@JsonProperty("Effect") @NotNull Effect effect, @JsonProperty("Times") @Min(1) Integer times,
		@JsonProperty("Probability") @DecimalMin("0") @DecimalMax("1") Double probability,
		@JsonProperty("RetryAfterSeconds") @Min(1) @Max(86_400) Integer retryAfterSeconds,
		@JsonProperty("DelayMs") @Min(1) @Max(60_000) Integer delayMs) {
}
