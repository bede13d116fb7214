package io.notifications.security.issuer;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every instance learns of the token revocations recorded by the others
 * ({@code notifications.security.revocation.*}).
 *
 * @param pollInterval how often the revocations recorded since the last look are read
 * from the database; a revocation made on another instance is honoured within about this
 * long
 */
@Validated
@ConfigurationProperties("notifications.security.revocation")
public record RevocationProperties(@DefaultValue("250ms") @NotNull Duration pollInterval) {
}
