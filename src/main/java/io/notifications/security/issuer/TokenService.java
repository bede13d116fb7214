package io.notifications.security.issuer;

import io.notifications.security.SecurityProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.transaction.annotation.Transactional;

class TokenService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JwtEncoder encoder;

	private final Supplier<String> keyId;

	private final SecurityProperties.Token settings;

	private final UserDetailsService users;

	private final RefreshTokens refreshTokens;

	private final TokenUsers tokenUsers;

	private final RevocationList revocations;

	private final Clock clock;

	TokenService(JwtEncoder encoder, Supplier<String> keyId, SecurityProperties.Token settings,
			UserDetailsService users, RefreshTokens refreshTokens, TokenUsers tokenUsers, RevocationList revocations,
			Clock clock) {
		this.encoder = encoder;
		this.keyId = keyId;
		this.settings = settings;
		this.users = users;
		this.refreshTokens = refreshTokens;
		this.tokenUsers = tokenUsers;
		this.revocations = revocations;
		this.clock = clock;
	}

	@Transactional
	IssuedTokens issue(UserDetails user) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);
		List<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
		String tokenId = UUID.randomUUID().toString();
		// from the store: the signed-in principal's password has been erased
		String fingerprint = this.tokenUsers.current(user.getUsername()).fingerprint(this.keyId.get());
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.settings.issuer())
			.audience(List.of(this.settings.audience()))
			.subject(user.getUsername())
			.claim("email", user.getUsername())
			.claim("roles", roles)
			.issuedAt(now)
			.expiresAt(now.plus(this.settings.accessTokenLifetime()))
			.id(tokenId)
			.claims((all) -> {
				if (fingerprint != null) {
					all.put(CredentialFingerprints.CLAIM, fingerprint);
				}
			})
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.keyId.get()).build();
		String accessToken = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();

		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		this.refreshTokens.deleteExpired(now);
		this.refreshTokens.save(new RefreshToken(hash(refreshToken), user.getUsername(), now,
				now.plus(this.settings.refreshTokenLifetime()), fingerprint, tokenId));
		return new IssuedTokens(accessToken, this.settings.accessTokenLifetime().toSeconds(), refreshToken);
	}

	/**
	 * @return empty if the token is unknown, expired or used, or its user is gone,
	 * changed password or had their sessions ended
	 */
	@Transactional
	Optional<IssuedTokens> refresh(String refreshToken) {
		String hash = hash(refreshToken);
		Optional<RefreshToken> stored = this.refreshTokens.findUsable(hash, this.clock.instant());
		if (stored.isEmpty() || this.refreshTokens.consume(hash) == 0
				|| !this.tokenUsers.current(stored.get().subject()).hasFingerprint(stored.get().credentialFingerprint())
				// one rotated while the user's sessions were being ended
				|| this.revocations.endedSessionsOf(stored.get().subject(), stored.get().issuedAt())) {
			return Optional.empty();
		}
		try {
			return Optional.of(issue(this.users.loadUserByUsername(stored.get().subject())));
		}
		catch (UsernameNotFoundException ex) {
			return Optional.empty();
		}
	}

	static String hash(String token) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record IssuedTokens(String accessToken, long expiresIn, String refreshToken) {
	}

}
