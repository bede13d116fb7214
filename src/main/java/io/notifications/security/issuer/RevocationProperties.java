package io.notifications.security.issuer;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How every instance learns of the revocations recorded by the others.
 *
 * @param pollInterval a revocation made on another instance is honoured within about this
 * long
 */
@Validated
@ConfigurationProperties("notifications.security.revocation")
public record RevocationProperties(@DefaultValue("250ms") @NotNull Duration pollInterval) {
}
