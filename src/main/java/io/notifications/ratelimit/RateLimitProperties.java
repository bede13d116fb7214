package io.notifications.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Nexudus's documented tiers, each a continuously refilling bucket.
 *
 * @param writesPerMinute PUT, POST and DELETE requests per minute
 * @param requestsPerMinute requests of any method, writes included, per minute
 */
@Validated
@ConfigurationProperties("notifications.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("60") @Positive int writesPerMinute, @DefaultValue("120") @Positive int requestsPerMinute,
		@DefaultValue("5000") @Positive int writesPerDay, @DefaultValue("5000") @Positive int requestsPerHour,
		@DefaultValue("200000") @Positive int requestsPerDay) {
}
