package io.notifications.memo;

import java.time.Instant;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A third resource that exists only in the test sources: an entity, a request record, a
 * response record, a descriptor and a test migration, and no line of main code, to prove
 * that a resource declared once gets its routes, role rules, envelope, validation,
 * listing and OpenAPI entry. Its getters are public for the store's tests in another
 * package.
 */
@Entity
@Table(name = "memos")
public class Memo extends AuditedEntity {

	@Column(name = "subject", nullable = false, length = 100)
	private String subject;

	@Column(name = "pinned", nullable = false)
	private boolean pinned;

	@Column(name = "remind_on")
	private Instant remindOn;

	public String getSubject() {
		return this.subject;
	}

	public boolean isPinned() {
		return this.pinned;
	}

	public Instant getRemindOn() {
		return this.remindOn;
	}

}
