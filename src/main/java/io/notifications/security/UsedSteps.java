package io.notifications.security;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last TOTP step each user has signed in with, in the database, so that a code is accepted
 * once (RFC 6238 section 5.2) by all the instances that share it.
 */
final class UsedSteps {

	private final JdbcTemplate jdbc;

	UsedSteps(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a step as the user's last, if it is later than the last one recorded. One statement
	 * decides, so two requests with the same code on two instances cannot both succeed.
	 * @return whether it was later, so that the code may be accepted
	 */
	boolean use(String username, long step) {
		if (this.jdbc.update("UPDATE totp_used_steps SET last_step = ? WHERE username = ? AND last_step < ?", step,
				username, step) == 1) {
			return true;
		}
		try {
			this.jdbc.update("INSERT INTO totp_used_steps (username, last_step) VALUES (?, ?)", username, step);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// the row is there with this step or a later one: the code was used
			return false;
		}
	}

}
