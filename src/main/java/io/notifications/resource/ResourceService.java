package io.notifications.resource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

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

	/**
	 * Creates a record.
	 * @param inTransaction runs in the creating transaction once the record is stored; if it
	 * fails, nothing is created
	 */
	Created<R> create(Q request, String caller, Consumer<Created<R>> inTransaction) {
		E entity = this.resource.newEntity().get();
		Instant now = this.clock.instant();
		return this.writes.execute((status) -> {
			this.store.insert(entity, request, caller, now);
			Created<R> created = new Created<>(this.resource.toRecord().apply(entity), entity.getCreatedOn(),
					EntityTags.of(entity.getId(), entity.getVersion()));
			inTransaction.accept(created);
			return created;
		});
	}

	/**
	 * Replaces the record that the request's Id names, in one statement that commits on its own;
	 * with an {@code If-Match} naming versions, only while the record still has one of them.
	 * @param ifMatch the precondition, or null
	 * @return the time of the update, as stored, and the record's new tag
	 * @throws RecordNotFoundException if no record has the Id
	 * @throws PreconditionFailedException if the record has none of the versions
	 */
	Replaced update(Q request, String caller, EntityTags.IfMatch ifMatch) {
		Instant updatedOn = AuditedEntity.storedTime(this.clock.instant());
		int id = request.id();
		if (ifMatch == null || ifMatch.any()) {
			long version = this.store.replace(id, request, caller, updatedOn, null)
				.orElseThrow(() -> new RecordNotFoundException(id));
			return new Replaced(updatedOn, EntityTags.of(id, version));
		}
		for (Long expected : ifMatch.versionsOf(id)) {
			OptionalLong version = this.store.replace(id, request, caller, updatedOn, expected);
			if (version.isPresent()) {
				return new Replaced(updatedOn, EntityTags.of(id, version.getAsLong()));
			}
		}
		throw notFoundOrStale(id, ifMatch);
	}

	/** A record and its tag. */
	Read<R> get(int id) {
		E entity = this.store.find(id).orElseThrow(() -> new RecordNotFoundException(id));
		return new Read<>(this.resource.toRecord().apply(entity), EntityTags.of(id, entity.getVersion()));
	}

	List<R> getMany(String ids) {
		return this.reads.execute((status) -> this.listing.read(this.store.repository(), ids));
	}

	ListPage<R> list(MultiValueMap<String, String> parameters) {
		return this.reads.execute((status) -> this.listing.list(this.store.repository(), parameters));
	}

	/**
	 * Deletes a record in one statement; with an {@code If-Match} naming versions, only while the
	 * record still has one of them.
	 * @param ifMatch the precondition, or null
	 * @return the time of the deletion
	 */
	Instant delete(int id, EntityTags.IfMatch ifMatch) {
		// one statement, committed on its own
		if (ifMatch == null || ifMatch.any()) {
			if (!this.store.delete(id, null)) {
				throw new RecordNotFoundException(id);
			}
			return AuditedEntity.storedTime(this.clock.instant());
		}
		for (Long expected : ifMatch.versionsOf(id)) {
			if (this.store.delete(id, expected)) {
				return AuditedEntity.storedTime(this.clock.instant());
			}
		}
		throw notFoundOrStale(id, ifMatch);
	}

	/**
	 * A conditional write changed nothing: the record is missing (404, as without the header:
	 * RFC 9110 13.2.1 has a server ignore preconditions when the request would fail anyway) or
	 * has moved on (412). Only this case costs a second statement.
	 */
	private RuntimeException notFoundOrStale(int id, EntityTags.IfMatch ifMatch) {
		if (this.store.version(id).isEmpty()) {
			return new RecordNotFoundException(id);
		}
		return new PreconditionFailedException(ifMatch.sent());
	}

	/** The answer to an update: when it was stored, and the record's new tag. */
	record Replaced(Instant on, String etag) {
	}

	/** A record as read, and its tag. */
	record Read<R>(R record, String etag) {
	}

	/** A new record, the time of its creation and its tag. */
	record Created<R>(R record, Instant on, String etag) {
	}

}
