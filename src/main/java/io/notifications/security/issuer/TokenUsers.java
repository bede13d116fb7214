package io.notifications.security.issuer;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * A token's user as the store has it at each request: a change there (a new password, a
 * role taken away, an account disabled) reaches every token at once.
 */
final class TokenUsers {

	/** Also a disabled, locked or expired account. */
	static final TokenUser UNKNOWN = new TokenUser(null, List.of(), Map.of());

	private final UserDetailsService users;

	private final CredentialFingerprints fingerprints;

	TokenUsers(UserDetailsService users, CredentialFingerprints fingerprints) {
		this.users = users;
		this.fingerprints = fingerprints;
	}

	TokenUser current(String username) {
		if (username == null) {
			return UNKNOWN;
		}
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
	 * The name as the store spells it, which its tokens carry: sign-in finds a user in
	 * any case. As given for a user the store does not have.
	 */
	String spelledAsStored(String username) {
		try {
			return this.users.loadUserByUsername(username).getUsername();
		}
		catch (UsernameNotFoundException ex) {
			return username;
		}
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
