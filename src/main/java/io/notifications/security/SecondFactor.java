package io.notifications.security;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * TOTP as RFC 6238 has it: 30 s steps, 6 digits, one step of skew, each code accepted
 * once.
 */
@Component
public class SecondFactor {

	/** RFC 4226 section 4: a shared secret of at least 128 bits. */
	static final int MIN_SECRET_BYTES = 16;

	private static final Pattern BASE32 = Pattern.compile("[A-Z2-7]+=*");

	private final Map<String, Key> keys = new HashMap<>();

	private final TotpCodes codes = new TotpCodes(Duration.ofSeconds(30), 6);

	private final UsedSteps usedSteps;

	private final Clock clock;

	SecondFactor(SecurityProperties properties, UsedSteps usedSteps, Clock clock) {
		for (int i = 0; i < properties.users().size(); i++) {
			SecurityProperties.User user = properties.users().get(i);
			if (user.totpSecret() != null && !user.totpSecret().isBlank()) {
				this.keys.put(user.email(),
						key("notifications.security.users[" + i + "].totp-secret", user.totpSecret()));
			}
		}
		this.usedSteps = usedSteps;
		this.clock = clock;
	}

	boolean isRequiredFor(String username) {
		return this.keys.containsKey(username);
	}

	/**
	 * A second factor cannot travel in Basic, so such users are disabled there: disabled,
	 * not unknown, which Spring Security refuses before the password and without asking
	 * the parent manager.
	 */
	UserDetailsService withoutSecondFactor(UserDetailsService users) {
		return (username) -> {
			UserDetails user = users.loadUserByUsername(username);
			// by the name as configured: user names are found in any case
			return isRequiredFor(user.getUsername()) ? User.withUserDetails(user).disabled(true).build() : user;
		};
	}

	/**
	 * @param code as sent, or null; spaces are ignored, as apps show {@code 123 456}
	 */
	void check(String username, String code) {
		Key key = this.keys.get(username);
		if (key == null) {
			return;
		}
		String digits = (code != null) ? code.replace(" ", "") : "";
		if (digits.isEmpty()) {
			throw new SecondFactorException(SecondFactorException.MISSING);
		}
		OptionalLong step = this.codes.matchingStep(key, digits, this.clock.instant());
		if (step.isEmpty()) {
			throw new SecondFactorException(SecondFactorException.WRONG);
		}
		if (!use(username, step.getAsLong())) {
			throw new SecondFactorException(SecondFactorException.REPLAYED);
		}
	}

	/** Whether the step is later than the user's last, recording it if so. */
	private boolean use(String username, long step) {
		if (this.usedSteps.advance(username, step) == 1) {
			return true;
		}
		if (this.usedSteps.existsById(username)) {
			// with this step or a later one: the code was used (not inserted again, which
			// PostgreSQL would log as an ERROR)
			return false;
		}
		try {
			this.usedSteps.saveAndFlush(new UsedStep(username, step));
			return true;
		}
		catch (DataIntegrityViolationException ex) {
			// the row is there with this step or a later one: the code was used
			return false;
		}
	}

	/** As authenticator apps read a secret: any case, spaces allowed. */
	private static Key key(String property, String secret) {
		String base32 = secret.replace(" ", "").toUpperCase(Locale.ROOT);
		byte[] bytes = BASE32.matcher(base32).matches() ? new Base32().decode(base32) : new byte[0];
		if (bytes.length < MIN_SECRET_BYTES) {
			throw new InvalidSettingException(property, "A TOTP secret is Base32 (A-Z, 2-7) of at least "
					+ MIN_SECRET_BYTES * 8 + " bits, such as 32 characters from: head -c 20 /dev/urandom | base32");
		}
		return new SecretKeySpec(bytes, "HmacSHA1");
	}

}
