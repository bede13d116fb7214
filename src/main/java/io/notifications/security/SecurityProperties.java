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
 * Who may call the API and how its own tokens are made
 * ({@code notifications.security.*}).
 *
 * @param users the users who may sign in with Basic or the password grant; when empty, an
 * {@code admin@example.com} Administrator is created with the password kept in
 * {@code generatedPasswordLocation}
 * @param rolesClaim the claim that holds a token's roles; a dotted path reaches a nested
 * claim (Keycloak's {@code realm_access.roles})
 * @param token the tokens this server issues itself at {@code /api/token}
 * @param requiredIssuer the {@code iss} that an external identity provider's tokens must
 * carry. Boot checks the issuer only when {@code issuer-uri} is set, and with
 * {@code public-key-location} it cannot be (setting {@code issuer-uri} there makes Boot
 * fetch the provider's keys instead)
 * @param generatedPasswordLocation the file that keeps the generated password of
 * {@code admin@example.com} when no user is configured; a file that does not exist is
 * created with a new password (mode 600)
 */
@Validated
@ConfigurationProperties("notifications.security")
public record SecurityProperties(@DefaultValue List<@Valid User> users,
		@DefaultValue("roles") @NotBlank String rolesClaim, @Valid @DefaultValue Token token, String requiredIssuer,
		@DefaultValue("file:./data/generated-password") @NotNull Resource generatedPasswordLocation) {

	/**
	 * A configured user.
	 *
	 * @param email the user name, also written to {@code UpdatedBy}
	 * @param password the password with its encoding prefix, such as {@code {bcrypt}...}
	 * or {@code {noop}secret}
	 * @param roles the role names, such as {@code Administrator} or
	 * {@code CoworkerNotification-Edit}
	 * @param totpSecret the user's TOTP secret in Base32 (RFC 6238), for two-factor
	 * authentication: the password grant then needs a {@code totp} code, and Basic is
	 * refused (docs/two-factor.md)
	 */
	public record User(@NotBlank String email, @NotBlank String password, @DefaultValue List<String> roles,
			String totpSecret) {
	}

	/**
	 * The tokens this server issues.
	 *
	 * @param issuer the {@code iss} of issued tokens, required of every token it accepts
	 * @param audience the {@code aud} of issued tokens, required of every token it
	 * accepts
	 * @param accessTokenLifetime how long an access token is valid
	 * @param refreshTokenLifetime how long a refresh token is valid
	 * @param keyLocation the RSA signing key: a PEM (PKCS#8) private key or a JWK set
	 * whose first key signs and whose keys all verify; a file that does not exist is
	 * created with a new key
	 */
	public record Token(@DefaultValue("notifications") @NotBlank String issuer,
			@DefaultValue("nexudus-api") @NotBlank String audience,
			@DefaultValue("604799s") @NotNull Duration accessTokenLifetime,
			@DefaultValue("15d") @NotNull Duration refreshTokenLifetime,
			@DefaultValue("file:./data/token-signing-key.json") @NotNull Resource keyLocation) {
	}

}
