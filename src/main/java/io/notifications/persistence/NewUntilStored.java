package io.notifications.persistence;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose Id the application assigns (a hash, a user name, a key): Spring Data's
 * {@code save} inserts it while it is new, instead of merging, which would read the row
 * first and overwrite one that another request stored meanwhile.
 *
 * @param <I> the Id type
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
