package io.notifications.resource;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.notifications.database.GroupCommit;
import io.notifications.listing.ListPage;
import io.notifications.listing.Listing;
import io.notifications.persistence.AuditedEntity;
import io.notifications.persistence.UniqueIds;
import io.notifications.web.RecordNotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.MultiValueMap;

/**
 * A create is one transaction; a replacement and a deletion are one statement each,
 * acknowledged once committed ({@link GroupCommit}); a list reads its page and its count
 * in one read-only transaction.
 */
final class ResourceService<E extends AuditedEntity, Q extends Record & ResourceRequest, R extends Record> {

	private final ResourceRepository<E> repository;

	private final RecordWrites records;

	private final Class<E> type;

	private final EntityManagerFactory entityManagers;

	private final Supplier<E> newEntity;

	private final Function<E, R> toRecord;

	private final WritableFields writable;

	private final Listing<E, R> listing;

	private final GroupCommit commits;

	private final TransactionOperations writes;

	private final TransactionOperations reads;

	private final Clock clock;

	private final UniqueIds uniqueIds;

	@SuppressWarnings("unchecked")
	ResourceService(ResourceRepository<E> repository, Supplier<E> newEntity, Function<E, R> toRecord,
			WritableFields writable, Listing<E, R> listing, ResourceServices shared) {
		this.repository = repository;
		this.records = shared.records();
		this.type = (Class<E>) newEntity.get().getClass();
		this.entityManagers = shared.entityManagers();
		this.newEntity = newEntity;
		this.toRecord = toRecord;
		this.writable = writable;
		this.listing = listing;
		this.commits = shared.commits();
		this.writes = shared.writes();
		this.reads = shared.reads();
		this.clock = shared.clock();
		this.uniqueIds = shared.uniqueIds();
	}

	/**
	 * @param inTransaction runs in the creating transaction once the record is stored; if
	 * it fails, nothing is created
	 */
	Created<R> create(Q request, String caller, Consumer<Created<R>> inTransaction) {
		E entity = this.newEntity.get();
		this.writable.write(request, entity);
		entity.markCreated(caller, this.clock.instant(), this.uniqueIds.next());
		return this.writes.execute((status) -> {
			E stored = this.repository.save(entity);
			Created<R> created = new Created<>(this.toRecord.apply(stored), stored.getCreatedOn(),
					EntityTags.of(stored.getId(), stored.getVersion()));
			inTransaction.accept(created);
			return created;
		});
	}

	/**
	 * With an {@code If-Match} naming versions, only while the record still has one of
	 * them.
	 */
	Replaced update(Q request, String caller, EntityTags.Conditions conditions) {
		Instant updatedOn = AuditedEntity.storedTime(this.clock.instant());
		int id = request.id();
		EntityTags.IfMatch ifMatch = unlessNoneMatch(id, conditions);
		if (ifMatch == null || ifMatch.any()) {
			long version = replace(id, request, caller, updatedOn, null)
				.orElseThrow(() -> new RecordNotFoundException(id));
			return new Replaced(updatedOn, EntityTags.of(id, version));
		}
		for (Long expected : ifMatch.versionsOf(id)) {
			OptionalLong version = replace(id, request, caller, updatedOn, expected);
			if (version.isPresent()) {
				return new Replaced(updatedOn, EntityTags.of(id, version.getAsLong()));
			}
		}
		throw notFoundOrStale(id, ifMatch);
	}

	private OptionalLong replace(int id, Q request, String caller, Instant updatedOn, Long expected) {
		return this.commits.write(() -> this.records.replace(this.type, id, request, updatedOn, caller, expected));
	}

	Read<R> read(int id) {
		// JPA's find, not the repository's: outside a transaction, one statement and none
		// of the repository proxy's interceptors (GET: about a fifth of its CPU)
		E entity;
		try (EntityManager entityManager = this.entityManagers.createEntityManager()) {
			entity = entityManager.find(this.type, id);
		}
		if (entity == null) {
			throw new RecordNotFoundException(id);
		}
		return new Read<>(this.toRecord.apply(entity), EntityTags.of(id, entity.getVersion()), entity.getVersion());
	}

	List<R> batchRead(String ids) {
		return this.reads.execute((status) -> this.listing.read(this.repository, ids));
	}

	ListPage<R> list(MultiValueMap<String, String> parameters) {
		return this.reads.execute((status) -> this.listing.list(this.repository, parameters));
	}

	Instant delete(int id, EntityTags.Conditions conditions) {
		EntityTags.IfMatch ifMatch = unlessNoneMatch(id, conditions);
		if (ifMatch == null || ifMatch.any()) {
			if (this.commits.write(() -> this.repository.deleteRecord(id)) == 0) {
				throw new RecordNotFoundException(id);
			}
			return AuditedEntity.storedTime(this.clock.instant());
		}
		for (Long expected : ifMatch.versionsOf(id)) {
			if (this.commits.write(() -> this.repository.deleteRecord(id, expected)) == 1) {
				return AuditedEntity.storedTime(this.clock.instant());
			}
		}
		throw notFoundOrStale(id, ifMatch);
	}

	/**
	 * Missing is 404, as without the header (RFC 9110 13.2.1: preconditions are ignored
	 * when the request would fail anyway); moved on is 412. Only this case costs a second
	 * statement.
	 */
	private RuntimeException notFoundOrStale(int id, EntityTags.IfMatch ifMatch) {
		if (this.repository.findVersionById(id).isEmpty()) {
			return new RecordNotFoundException(id);
		}
		return PreconditionFailedException.moved(ifMatch.sent());
	}

	/**
	 * {@code If-None-Match} costs a read, against which {@code If-Match} is checked first
	 * (RFC 9110 section 13.2.2): a write is refused if the record has a version it names,
	 * else it goes on only while the record keeps the version read (or one that
	 * {@code If-Match} names). A missing record is 404, as without it.
	 */
	private EntityTags.IfMatch unlessNoneMatch(int id, EntityTags.Conditions conditions) {
		if (conditions.ifNoneMatch() == null) {
			return conditions.ifMatch();
		}
		Optional<Long> version = this.repository.findVersionById(id);
		if (version.isEmpty()) {
			return conditions.ifMatch();
		}
		EntityTags.IfMatch ifMatch = conditions.ifMatch();
		if (ifMatch != null && !ifMatch.allows(id, version.get())) {
			throw PreconditionFailedException.moved(ifMatch.sent());
		}
		if (conditions.ifNoneMatch().matches(id, version.get())) {
			throw PreconditionFailedException.current(conditions.ifNoneMatch().sent());
		}
		return (ifMatch != null) ? ifMatch : EntityTags.IfMatch.current(id, version.get());
	}

	record Replaced(Instant on, String etag) {
	}

	record Read<R>(R record, String etag, long version) {
	}

	record Created<R>(R record, Instant on, String etag) {
	}

}
