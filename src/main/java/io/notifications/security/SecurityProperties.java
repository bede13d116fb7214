package io.notifications.security;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the API and how its own tokens are made.
 *
 * @param users who may sign in; with none, an {@code admin@example.com} Administrator
 * gets a generated password
 * @param rolesClaim the claim of a token's roles; a dotted path reaches a nested claim
 * (Keycloak's {@code realm_access.roles})
 * @param token the tokens issued at {@code /api/token}
 * @param requiredIssuer the {@code iss} an external identity provider's tokens must carry
 * @param generatedPasswordLocation where the generated password is kept; created (mode
 * 600) if missing
 */
@Validated
@ConfigurationProperties("notifications.security")
public record SecurityProperties(@DefaultValue List<@Valid User> users,
		@DefaultValue("roles") @NotBlank String rolesClaim, @Valid @DefaultValue Token token, String requiredIssuer,
		@DefaultValue("file:./data/generated-password") @NotNull Resource generatedPasswordLocation) {

	/**
	 * @param email the user name, also written to {@code UpdatedBy}
	 * @param password with its encoding prefix, such as {@code {bcrypt}...} or
	 * {@code {noop}secret}
	 * @param roles such as {@code Administrator} or {@code CoworkerNotification-Edit}
	 * @param totpSecret a Base32 TOTP secret (RFC 6238): the password grant then needs a
	 * {@code totp} code, and Basic is refused (docs/two-factor.md)
	 */
	public record User(@NotBlank String email, @NotBlank String password, @DefaultValue List<String> roles,
			String totpSecret) {
	}

	/**
	 * @param issuer the {@code iss} of issued tokens, required of every token accepted
	 * @param audience the {@code aud} of issued tokens, required of every token accepted
	 * @param keyLocation a PEM (PKCS#8) private key or a JWK set whose first key signs;
	 * created with a new key if missing
	 */
	public record Token(@DefaultValue("notifications") @NotBlank String issuer,
			@DefaultValue("nexudus-api") @NotBlank String audience,
			@DefaultValue("604799s") @NotNull Duration accessTokenLifetime,
			@DefaultValue("15d") @NotNull Duration refreshTokenLifetime,
			@DefaultValue("file:./data/token-signing-key.json") @NotNull Resource keyLocation) {
	}

}
