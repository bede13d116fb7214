package io.notifications.security;

import io.notifications.persistence.NewUntilStored;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last TOTP step (RFC 6238's T) a user signed in with. */
@Entity
@Table(name = "totp_used_steps")
class UsedStep extends NewUntilStored<String> {

	@Id
	private String username;

	private long lastStep;

	protected UsedStep() {
	}

	UsedStep(String username, long lastStep) {
		this.username = username;
		this.lastStep = lastStep;
	}

	@Override
	public String getId() {
		return this.username;
	}

}
