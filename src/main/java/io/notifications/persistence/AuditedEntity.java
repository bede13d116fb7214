package io.notifications.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * The fields Nexudus manages on every record, which clients never write, and a version
 * for optimistic locking.
 */
@MappedSuperclass
public abstract class AuditedEntity {

	/** The longest caller's name that UpdatedBy keeps. */
	public static final int MAX_CALLER_LENGTH = 255;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(name = "unique_id", nullable = false, updatable = false)
	private UUID uniqueId;

	@Column(name = "created_on", nullable = false, updatable = false)
	private Instant createdOn;

	@Column(name = "updated_on", nullable = false)
	private Instant updatedOn;

	@Column(name = "updated_by", length = MAX_CALLER_LENGTH)
	private String updatedBy;

	@Column(name = "is_new", nullable = false)
	private boolean isNew;

	@Version
	@Column(name = "version", nullable = false)
	private long version;

	protected AuditedEntity() {
	}

	/** To the second, as Nexudus shows them. */
	public static Instant storedTime(Instant time) {
		return time.truncatedTo(ChronoUnit.SECONDS);
	}

	public void markCreated(String caller, Instant now, UUID uniqueId) {
		Instant second = storedTime(now);
		this.uniqueId = uniqueId;
		this.createdOn = second;
		this.updatedOn = second;
		this.updatedBy = caller;
		this.isNew = true;
	}

	public Integer getId() {
		return this.id;
	}

	public UUID getUniqueId() {
		return this.uniqueId;
	}

	public Instant getCreatedOn() {
		return this.createdOn;
	}

	public Instant getUpdatedOn() {
		return this.updatedOn;
	}

	public String getUpdatedBy() {
		return this.updatedBy;
	}

	public boolean isNew() {
		return this.isNew;
	}

	public long getVersion() {
		return this.version;
	}

}
