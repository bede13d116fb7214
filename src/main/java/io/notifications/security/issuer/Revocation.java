package io.notifications.security.issuer;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * {@link #TOKEN}: the subject is a {@code jti}; {@link #USER}: an email whose tokens
 * issued before {@code voidBefore} are void. {@code recordedAt} is the database's clock,
 * one for all instances.
 */
@Entity
@Table(name = "token_revocations")
class Revocation {

	static final String TOKEN = "token";

	static final String USER = "user";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String kind;

	private String subject;

	private Instant voidBefore;

	private Instant expiresAt;

	@Column(insertable = false, updatable = false)
	private Instant recordedAt;

	protected Revocation() {
	}

	Revocation(String kind, String subject, Instant voidBefore, Instant expiresAt) {
		this.kind = kind;
		this.subject = subject;
		this.voidBefore = voidBefore;
		this.expiresAt = expiresAt;
	}

	String kind() {
		return this.kind;
	}

	String subject() {
		return this.subject;
	}

	Instant voidBefore() {
		return this.voidBefore;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

}
