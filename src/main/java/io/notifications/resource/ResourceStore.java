package io.notifications.resource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.springframework.data.jpa.repository.support.SimpleJpaRepository;

/**
 * The stored records of one resource. A replacement and a deletion are one SQL statement each:
 * the database's row lock serialises concurrent writes of one record, and the row count tells
 * whether the record exists, so no read comes first.
 *
 * @param <E> the entity type
 */
final class ResourceStore<E extends AuditedEntity> {

	private final EntityManager entityManager;

	private final Class<E> type;

	private final WritableFields writable;

	private final SimpleJpaRepository<E, Integer> repository;

	private final String replaceStatement;

	private final String deleteStatement;

	ResourceStore(EntityManager entityManager, Class<E> type, Class<? extends Record> requestType) {
		this.entityManager = entityManager;
		this.type = type;
		this.writable = new WritableFields(requestType, type);
		this.repository = new SimpleJpaRepository<>(type, entityManager);
		String entity = entityManager.getMetamodel().entity(type).getName();
		StringBuilder assignments = new StringBuilder();
		for (String name : this.writable.names()) {
			assignments.append("e.").append(name).append(" = :").append(name).append(", ");
		}
		this.replaceStatement = "update " + entity + " e set " + assignments + "e.updatedOn = :updatedOn, "
				+ "e.updatedBy = :updatedBy, e.isNew = false, e.version = e.version + 1 where e.id = :id";
		this.deleteStatement = "delete from " + entity + " e where e.id = :id";
	}

	/** The repository that lists, counts and batch-reads, with Spring Data's paging. */
	SimpleJpaRepository<E, Integer> repository() {
		return this.repository;
	}

	/** Stores a new record made of the request's fields and stamped by the caller. */
	E insert(E entity, Record request, String caller, Instant now) {
		this.writable.write(request, entity);
		entity.markCreated(caller, now);
		this.entityManager.persist(entity);
		this.entityManager.flush();
		return entity;
	}

	Optional<E> find(int id) {
		return Optional.ofNullable(this.entityManager.find(this.type, id));
	}

	/**
	 * Writes every writable field of the request into the record {@code id}, stamps it and counts up
	 * its version, in one statement.
	 * @param updatedOn the time of the update, as stored
	 * @return whether the record exists
	 */
	boolean replace(int id, Record request, String caller, Instant updatedOn) {
		Query update = this.entityManager.createQuery(this.replaceStatement)
			.setParameter("id", id)
			.setParameter("updatedOn", updatedOn)
			.setParameter("updatedBy", caller);
		List<String> names = this.writable.names();
		List<Object> values = this.writable.values(request);
		for (int i = 0; i < names.size(); i++) {
			update.setParameter(names.get(i), values.get(i));
		}
		return update.executeUpdate() == 1;
	}

	/** @return whether the record existed */
	boolean delete(int id) {
		return this.entityManager.createQuery(this.deleteStatement).setParameter("id", id).executeUpdate() == 1;
	}

}
