package io.notifications.security.issuer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Each user is remembered for {@link #FRESHNESS} at most, so that a request costs one map
 * lookup and a change in the store reaches every token within that time.
 */
final class TokenUsers {

	static final Duration FRESHNESS = Duration.ofSeconds(1);

	/** Also a disabled, locked or expired account. */
	static final TokenUser UNKNOWN = new TokenUser(null, List.of(), Map.of());

	private final UserDetailsService users;

	private final CredentialFingerprints fingerprints;

	private final LoadingCache<String, TokenUser> current;

	TokenUsers(UserDetailsService users, CredentialFingerprints fingerprints, int capacity) {
		this.users = users;
		this.fingerprints = fingerprints;
		this.current = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(FRESHNESS).build(this::load);
	}

	TokenUser current(String username) {
		return (username != null) ? this.current.get(username) : UNKNOWN;
	}

	/** Not remembered: as the store has them at this moment. */
	TokenUser load(String username) {
		UserDetails user;
		try {
			user = this.users.loadUserByUsername(username);
		}
		catch (UsernameNotFoundException ex) {
			return UNKNOWN;
		}
		if (user == null || !user.isEnabled() || !user.isAccountNonLocked() || !user.isAccountNonExpired()
				|| user.getPassword() == null) {
			return UNKNOWN;
		}
		return new TokenUser(user.getUsername(), List.copyOf(user.getAuthorities()),
				this.fingerprints.of(user.getPassword()));
	}

	/**
	 * @param fingerprints by signing key id
	 */
	record TokenUser(String name, List<GrantedAuthority> roles, Map<String, String> fingerprints) {

		boolean exists() {
			return this.name != null;
		}

		String fingerprint(Object keyId) {
			return this.fingerprints.get((keyId != null) ? keyId : CredentialFingerprints.NO_KEY_ID);
		}

		boolean issuedAgainstCurrentCredential(Object keyId, String fingerprint) {
			return fingerprint != null && fingerprint.equals(fingerprint(keyId));
		}

		/** Made with any of the signing keys. */
		boolean hasFingerprint(String fingerprint) {
			return fingerprint != null && this.fingerprints.containsValue(fingerprint);
		}

	}

}
