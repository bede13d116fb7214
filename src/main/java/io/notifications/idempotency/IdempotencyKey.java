package io.notifications.idempotency;

import java.io.Serializable;
import java.time.Instant;

import io.notifications.persistence.NewUntilStored;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyKey.Id.class)
class IdempotencyKey extends NewUntilStored<IdempotencyKey.Id> {

	@jakarta.persistence.Id
	private String caller;

	@jakarta.persistence.Id
	private String idempotencyKey;

	private String requestHash;

	private String claimedBy;

	private Instant createdOn;

	private Integer responseStatus;

	private String responseBody;

	private String responseEtag;

	protected IdempotencyKey() {
	}

	IdempotencyKey(String caller, String key, String requestHash, String claimedBy, Instant createdOn) {
		this.caller = caller;
		this.idempotencyKey = key;
		this.requestHash = requestHash;
		this.claimedBy = claimedBy;
		this.createdOn = createdOn;
	}

	@Override
	public Id getId() {
		return new Id(this.caller, this.idempotencyKey);
	}

	String requestHash() {
		return this.requestHash;
	}

	String claimedBy() {
		return this.claimedBy;
	}

	Instant createdOn() {
		return this.createdOn;
	}

	Integer responseStatus() {
		return this.responseStatus;
	}

	String responseBody() {
		return this.responseBody;
	}

	String responseEtag() {
		return this.responseEtag;
	}

	record Id(String caller, String idempotencyKey) implements Serializable {
	}

}
