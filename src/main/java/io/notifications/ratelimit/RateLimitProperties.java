package io.notifications.ratelimit;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many requests a caller may make ({@code notifications.rate-limit.*}): Nexudus's
 * documented tiers, each a continuously refilling bucket.
 *
 * @param enabled whether requests are limited at all
 * @param writesPerMinute the PUT, POST and DELETE requests a caller may make per minute
 * @param requestsPerMinute the requests of any method, writes included, a caller may make
 * per minute
 * @param writesPerDay the writes a caller may make per day
 * @param requestsPerHour the requests a caller may make per hour
 * @param requestsPerDay the requests a caller may make per day
 */
@Validated
@ConfigurationProperties("notifications.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("60") @Positive int writesPerMinute, @DefaultValue("120") @Positive int requestsPerMinute,
		@DefaultValue("5000") @Positive int writesPerDay, @DefaultValue("5000") @Positive int requestsPerHour,
		@DefaultValue("200000") @Positive int requestsPerDay) {
}
