package io.notifications.resource;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.notifications.database.GroupCommit;
import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.EntityManager;

import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored records of one resource. A read, a replacement and a deletion are one SQL statement
 * each ({@link ResourceTable}), with no ORM session: the database's row lock serialises concurrent
 * writes of one record, and the row count tells whether the record exists, so no read comes first.
 * A read commits on its own; a replacement and a deletion return once committed, alone or with the
 * writes that arrived with them ({@link GroupCommit}). A create, lists and batch reads go through
 * JPA.
 *
 * @param <E> the entity type
 */
final class ResourceStore<E extends AuditedEntity> {

	private final EntityManager entityManager;

	private final JdbcTemplate jdbc;

	private final GroupCommit commits;

	private final WritableFields writable;

	private final ResourceTable<E> table;

	private final SimpleJpaRepository<E, Integer> repository;

	private final Supplier<E> newEntity;

	ResourceStore(EntityManager entityManager, JdbcTemplate jdbc, GroupCommit commits, Class<E> type,
			Supplier<E> newEntity, Class<? extends Record> requestType) {
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.commits = commits;
		this.newEntity = newEntity;
		this.writable = new WritableFields(requestType, type);
		this.table = new ResourceTable<>(entityManager, type, this.writable.names());
		this.repository = new SimpleJpaRepository<>(type, entityManager);
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

	/** Reads one record in one auto-committed statement, as a detached entity. */
	Optional<E> find(int id) {
		return this.jdbc.query(this.table.find,
				(rows) -> rows.next() ? Optional.of(this.table.read(rows, this.newEntity)) : Optional.empty(), id);
	}

	/**
	 * Writes every writable field of the request into the record {@code id}, stamps it and counts up
	 * its version, in one statement. The new version comes back as the statement's generated key
	 * (the drivers add {@code RETURNING} on PostgreSQL and read the changed row on H2), so the
	 * answer can carry it without a second query.
	 * @param updatedOn the time of the update, as stored
	 * @param expectedVersion the version the record must still have, or null for any
	 * @return the record's new version; empty if no record has this Id (and this version)
	 */
	OptionalLong replace(int id, Record request, String caller, Instant updatedOn, Long expectedVersion) {
		Object[] parameters = this.table.replaceParameters(this.writable.values(request), updatedOn, caller, id,
				expectedVersion);
		String sql = (expectedVersion != null) ? this.table.conditionalReplace : this.table.replace;
		return this.commits.write((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(sql,
					new String[] { this.table.versionColumn })) {
				new ArgumentPreparedStatementSetter(parameters).setValues(statement);
				if (statement.executeUpdate() != 1) {
					return OptionalLong.empty();
				}
				try (ResultSet keys = statement.getGeneratedKeys()) {
					keys.next();
					return OptionalLong.of(keys.getLong(1));
				}
			}
		});
	}

	/** An unconditional replacement; answers whether the record exists. */
	boolean replace(int id, Record request, String caller, Instant updatedOn) {
		return replace(id, request, caller, updatedOn, null).isPresent();
	}

	/** @return whether the record existed */
	boolean delete(int id) {
		return delete(id, null);
	}

	/**
	 * Deletes the record {@code id}.
	 * @param expectedVersion the version the record must still have, or null for any
	 * @return whether a record was deleted
	 */
	boolean delete(int id, Long expectedVersion) {
		String sql = (expectedVersion != null) ? this.table.conditionalDelete : this.table.delete;
		Object[] parameters = (expectedVersion != null) ? new Object[] { id, expectedVersion } : new Object[] { id };
		return this.commits.write((connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				new ArgumentPreparedStatementSetter(parameters).setValues(statement);
				return statement.executeUpdate() == 1;
			}
		});
	}

	/** The record's current version, empty if there is no such record. */
	OptionalLong version(int id) {
		return this.jdbc.query(this.table.version,
				(rows) -> rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty(), id);
	}

}
