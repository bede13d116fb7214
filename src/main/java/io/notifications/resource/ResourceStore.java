package io.notifications.resource;

import java.lang.reflect.Field;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.SingularAttribute;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The stored records of one resource. A read, a replacement and a deletion are one SQL statement
 * each, sent in auto-commit mode with no ORM session or explicit transaction: the database's row
 * lock serialises concurrent writes of one record, and the row count tells whether the record
 * exists, so no read comes first. Their SQL is written once, from Hibernate's mapping of the
 * entity, so it names the same tables and columns, and converts values the same way, as the rest.
 *
 * @param <E> the entity type
 */
final class ResourceStore<E extends AuditedEntity> {

	private final EntityManager entityManager;

	private final JdbcTemplate jdbc;

	private final WritableFields writable;

	private final SimpleJpaRepository<E, Integer> repository;

	/** The columns the replacement writes from the request, in the order of its parameters. */
	private final List<JdbcMapping> replacedColumns = new ArrayList<>();

	private final String replaceStatement;

	/** {@link #replaceStatement} that also requires the version the client last saw. */
	private final String conditionalReplaceStatement;

	private final String deleteStatement;

	private final String conditionalDeleteStatement;

	/** Reads the version alone, to tell a missing record from a stale precondition. */
	private final String versionStatement;

	/** The version column, which a replacement returns as a generated key. */
	private final String versionColumn;

	private final String findStatement;

	/** The entity's fields in the order {@link #findStatement} selects their columns. */
	private final List<ReadColumn> readColumns = new ArrayList<>();

	private final Supplier<E> newEntity;

	ResourceStore(EntityManager entityManager, JdbcTemplate jdbc, Class<E> type, Supplier<E> newEntity,
			Class<? extends Record> requestType) {
		this.entityManager = entityManager;
		this.newEntity = newEntity;
		this.jdbc = jdbc;
		this.writable = new WritableFields(requestType, type);
		this.repository = new SimpleJpaRepository<>(type, entityManager);
		EntityPersister persister = entityManager.getEntityManagerFactory()
			.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor(type);
		StringBuilder assignments = new StringBuilder();
		for (String name : this.writable.names()) {
			BasicValuedModelPart column = column(persister, name);
			assignments.append(column.getSelectionExpression()).append(" = ?, ");
			this.replacedColumns.add(column.getJdbcMapping());
		}
		String table = column(persister, "updatedOn").getContainingTableExpression();
		String id = column(persister, "id").getSelectionExpression();
		this.versionColumn = column(persister, "version").getSelectionExpression();
		this.replaceStatement = "UPDATE " + table + " SET " + assignments
				+ column(persister, "updatedOn").getSelectionExpression() + " = ?, "
				+ column(persister, "updatedBy").getSelectionExpression() + " = ?, "
				+ column(persister, "isNew").getSelectionExpression() + " = FALSE, "
				+ this.versionColumn + " = " + this.versionColumn + " + 1 WHERE " + id + " = ?";
		this.conditionalReplaceStatement = this.replaceStatement + " AND " + this.versionColumn + " = ?";
		this.deleteStatement = "DELETE FROM " + table + " WHERE " + id + " = ?";
		this.conditionalDeleteStatement = this.deleteStatement + " AND " + this.versionColumn + " = ?";
		this.versionStatement = "SELECT " + this.versionColumn + " FROM " + table + " WHERE " + id + " = ?";
		StringBuilder selected = new StringBuilder();
		for (SingularAttribute<? super E, ?> attribute : entityManager.getMetamodel().entity(type).getSingularAttributes()) {
			BasicValuedModelPart column = column(persister, attribute.getName());
			Field field = (Field) attribute.getJavaMember();
			ReflectionUtils.makeAccessible(field);
			this.readColumns.add(new ReadColumn(field, column.getJdbcMapping()));
			selected.append(selected.isEmpty() ? "" : ", ").append(column.getSelectionExpression());
		}
		this.findStatement = "SELECT " + selected + " FROM " + table + " WHERE " + id + " = ?";
	}

	private static BasicValuedModelPart column(EntityPersister persister, String attribute) {
		if (attribute.equals("id")) {
			return (BasicValuedModelPart) persister.getIdentifierMapping();
		}
		return (BasicValuedModelPart) persister.findAttributeMapping(attribute);
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
		return this.jdbc.query(this.findStatement, (rows) -> rows.next() ? Optional.of(read(rows)) : Optional.empty(),
				id);
	}

	private E read(ResultSet row) throws SQLException {
		E entity = this.newEntity.get();
		for (int i = 0; i < this.readColumns.size(); i++) {
			ReadColumn column = this.readColumns.get(i);
			ReflectionUtils.setField(column.field(), entity, column.domainValue(row, i + 1));
		}
		return entity;
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
		List<Object> values = this.writable.values(request);
		List<Object> parameters = new ArrayList<>(values.size() + 4);
		for (int i = 0; i < values.size(); i++) {
			parameters.add(jdbcValue(this.replacedColumns.get(i), values.get(i)));
		}
		parameters.add(jdbcValue(null, updatedOn));
		parameters.add(caller);
		parameters.add(id);
		if (expectedVersion != null) {
			parameters.add(expectedVersion);
		}
		String sql = (expectedVersion != null) ? this.conditionalReplaceStatement : this.replaceStatement;
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		int rows = this.jdbc.update((connection) -> {
			PreparedStatement statement = connection.prepareStatement(sql, new String[] { this.versionColumn });
			new ArgumentPreparedStatementSetter(parameters.toArray()).setValues(statement);
			return statement;
		}, keys);
		if (rows != 1) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(((Number) keys.getKeyList().get(0).values().iterator().next()).longValue());
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
		return (expectedVersion != null) ? this.jdbc.update(this.conditionalDeleteStatement, id, expectedVersion) == 1
				: this.jdbc.update(this.deleteStatement, id) == 1;
	}

	/** The record's current version, empty if there is no such record. */
	OptionalLong version(int id) {
		return this.jdbc.query(this.versionStatement,
				(rows) -> rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty(), id);
	}

	/** A column that {@link #find} reads into an entity field. */
	private record ReadColumn(Field field, JdbcMapping mapping) {

		/** The column's value as the field holds it, through the attribute's converter. */
		Object domainValue(ResultSet row, int index) throws SQLException {
			Class<?> relational = this.mapping.getJdbcJavaType().getJavaTypeClass();
			Object value = (relational == Instant.class)
					? Optional.ofNullable(row.getObject(index, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)
					: row.getObject(index, ClassUtils.resolvePrimitiveIfNecessary(relational));
			return (value != null) ? this.mapping.convertToDomainValue(value) : null;
		}

	}

	/**
	 * A value as the JDBC drivers take it: through the attribute's converter (a coded enum to its
	 * code), and an instant as a UTC offset date-time, which H2's and PostgreSQL's drivers both bind
	 * to {@code TIMESTAMP WITH TIME ZONE}.
	 */
	private static Object jdbcValue(JdbcMapping mapping, Object value) {
		Object relational = (mapping != null && value != null) ? mapping.convertToRelationalValue(value) : value;
		return (relational instanceof Instant instant) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : relational;
	}

}
