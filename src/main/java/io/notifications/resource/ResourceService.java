package io.notifications.resource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.notifications.listing.ListPage;
import io.notifications.listing.Listing;
import io.notifications.persistence.AuditedEntity;
import io.notifications.web.RecordNotFoundException;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.MultiValueMap;

/**
 * Creates, replaces, reads, lists and deletes the records of one resource: each operation is one
 * transaction, a replacement and a deletion one statement that commits on its own.
 *
 * @param <E> the entity type
 * @param <Q> the request type
 * @param <R> the record type
 */
final class ResourceService<E extends AuditedEntity, Q extends Record & ResourceRequest, R extends Record> {

	private final ApiResource<E, Q, R> resource;

	private final ResourceStore<E> store;

	private final Listing<E, R> listing;

	private final TransactionOperations writes;

	private final TransactionOperations reads;

	private final Clock clock;

	ResourceService(ApiResource<E, Q, R> resource, ResourceStore<E> store, Listing<E, R> listing,
			TransactionOperations writes, TransactionOperations reads, Clock clock) {
		this.resource = resource;
		this.store = store;
		this.listing = listing;
		this.writes = writes;
		this.reads = reads;
		this.clock = clock;
	}

	Created<R> create(Q request, String caller) {
		E entity = this.resource.newEntity().get();
		Instant now = this.clock.instant();
		R created = this.writes
			.execute((status) -> this.resource.toRecord().apply(this.store.insert(entity, request, caller, now)));
		return new Created<>(created, entity.getCreatedOn());
	}

	/**
	 * Replaces the record that the request's Id names.
	 * @return the time of the update, as stored
	 */
	Instant update(Q request, String caller) {
		Instant updatedOn = AuditedEntity.storedTime(this.clock.instant());
		int id = request.id();
		// one statement, committed on its own
		if (!this.store.replace(id, request, caller, updatedOn)) {
			throw new RecordNotFoundException(id);
		}
		return updatedOn;
	}

	R get(int id) {
		return this.store.find(id).map(this.resource.toRecord()).orElseThrow(() -> new RecordNotFoundException(id));
	}

	List<R> getMany(String ids) {
		return this.reads.execute((status) -> this.listing.read(this.store.repository(), ids));
	}

	ListPage<R> list(MultiValueMap<String, String> parameters) {
		return this.reads.execute((status) -> this.listing.list(this.store.repository(), parameters));
	}

	/** @return the time of the deletion */
	Instant delete(int id) {
		// one statement, committed on its own
		if (!this.store.delete(id)) {
			throw new RecordNotFoundException(id);
		}
		return AuditedEntity.storedTime(this.clock.instant());
	}

	/** A new record and the time of its creation. */
	record Created<R>(R record, Instant on) {
	}

}
