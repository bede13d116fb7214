package io.notifications.security;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How failed sign-ins (Basic and the password grant) are throttled.
 *
 * @param userFailures failures of one user name from one address before each further one
 * waits
 * @param addressFailures failures from one address, any user names, before each further
 * one waits
 * @param firstWait the first wait; it doubles with each further failure
 * @param forgetAfter failures this long ago no longer count
 */
@Validated
@ConfigurationProperties("notifications.security.login-throttle")
public record LoginThrottleProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("5") @Positive int userFailures, @DefaultValue("20") @Positive int addressFailures,
		@DefaultValue("1s") Duration firstWait, @DefaultValue("15m") Duration maxWait,
		@DefaultValue("1h") Duration forgetAfter) {
}
