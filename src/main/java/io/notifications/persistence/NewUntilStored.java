package io.notifications.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * For an Id the application assigns: {@code save} inserts while the entity is new instead
 * of merging, which would read the row first and overwrite one another request stored
 * meanwhile.
 */
@MappedSuperclass
public abstract class NewUntilStored<I> implements Persistable<I> {

	@Transient
	private boolean stored;

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostLoad
	@PostPersist
	void markStored() {
		this.stored = true;
	}

}
