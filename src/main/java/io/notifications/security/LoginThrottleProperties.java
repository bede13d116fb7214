package io.notifications.security;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How failed sign-ins (Basic and the password grant) are throttled
 * ({@code notifications.security.login-throttle.*}).
 *
 * @param enabled whether failed sign-ins are throttled at all
 * @param userFailures the failures for one user name from one client address before each
 * further one makes them wait
 * @param addressFailures the failures from one client address, for any user names, before
 * each further one makes it wait
 * @param firstWait the wait after the first failure over either number; it doubles with
 * each further failure
 * @param maxWait the longest wait
 * @param forgetAfter failures this long ago no longer count
 */
@Validated
@ConfigurationProperties("notifications.security.login-throttle")
public record LoginThrottleProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("5") @Positive int userFailures, @DefaultValue("20") @Positive int addressFailures,
		@DefaultValue("1s") Duration firstWait, @DefaultValue("15m") Duration maxWait,
		@DefaultValue("1h") Duration forgetAfter) {
}
