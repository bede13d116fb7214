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
 * The users that tokens name, as the user store has them now: their roles and the
 * fingerprints of their stored credential. Each is remembered for {@link #FRESHNESS} at
 * most, so that a request costs one map lookup and a change in the store reaches every
 * token within that time.
 */
final class TokenUsers {

	/** How long a user is remembered before the store is asked again. */
	static final Duration FRESHNESS = Duration.ofSeconds(1);

	/**
	 * The entry of a name that the store does not know (or whose account is disabled or
	 * locked).
	 */
	static final TokenUser UNKNOWN = new TokenUser(null, List.of(), Map.of());

	private final UserDetailsService users;

	private final CredentialFingerprints fingerprints;

	private final LoadingCache<String, TokenUser> current;

	TokenUsers(UserDetailsService users, CredentialFingerprints fingerprints, int capacity) {
		this.users = users;
		this.fingerprints = fingerprints;
		this.current = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(FRESHNESS).build(this::load);
	}

	/**
	 * The user as the store had them at most {@link #FRESHNESS} ago, or {@link #UNKNOWN}.
	 */
	TokenUser current(String username) {
		return (username != null) ? this.current.get(username) : UNKNOWN;
	}

	/** The user as the store has them at this moment, or {@link #UNKNOWN}. */
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
	 * A user as the tokens see them.
	 *
	 * @param name the user name, {@code null} for {@link #UNKNOWN}
	 * @param roles the roles the user has now
	 * @param fingerprints the fingerprint of the stored credential, by signing key id
	 */
	record TokenUser(String name, List<GrantedAuthority> roles, Map<String, String> fingerprints) {

		boolean exists() {
			return this.name != null;
		}

		/**
		 * The fingerprint that a token signed by the given key carries, or {@code null}.
		 */
		String fingerprint(Object keyId) {
			return this.fingerprints.get((keyId != null) ? keyId : CredentialFingerprints.NO_KEY_ID);
		}

		/**
		 * Whether a token signed by the given key carries the fingerprint of this user's
		 * credential.
		 */
		boolean issuedAgainstCurrentCredential(Object keyId, String fingerprint) {
			return fingerprint != null && fingerprint.equals(fingerprint(keyId));
		}

		/**
		 * Whether the fingerprint (made with any of the signing keys) is of this user's
		 * credential.
		 */
		boolean hasFingerprint(String fingerprint) {
			return fingerprint != null && this.fingerprints.containsValue(fingerprint);
		}

	}

}
