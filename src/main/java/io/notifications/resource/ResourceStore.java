package io.notifications.resource;

import java.lang.reflect.Field;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.SingularAttribute;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.jdbc.core.JdbcTemplate;
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

	private final String deleteStatement;

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
		this.replaceStatement = "UPDATE " + table + " SET " + assignments
				+ column(persister, "updatedOn").getSelectionExpression() + " = ?, "
				+ column(persister, "updatedBy").getSelectionExpression() + " = ?, "
				+ column(persister, "isNew").getSelectionExpression() + " = FALSE, "
				+ column(persister, "version").getSelectionExpression() + " = "
				+ column(persister, "version").getSelectionExpression() + " + 1 WHERE " + id + " = ?";
		this.deleteStatement = "DELETE FROM " + table + " WHERE " + id + " = ?";
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
	 * its version, in one statement.
	 * @param updatedOn the time of the update, as stored
	 * @return whether the record exists
	 */
	boolean replace(int id, Record request, String caller, Instant updatedOn) {
		List<Object> values = this.writable.values(request);
		Object[] parameters = new Object[values.size() + 3];
		for (int i = 0; i < values.size(); i++) {
			parameters[i] = jdbcValue(this.replacedColumns.get(i), values.get(i));
		}
		parameters[values.size()] = jdbcValue(null, updatedOn);
		parameters[values.size() + 1] = caller;
		parameters[values.size() + 2] = id;
		return this.jdbc.update(this.replaceStatement, parameters) == 1;
	}

	/** @return whether the record existed */
	boolean delete(int id) {
		return this.jdbc.update(this.deleteStatement, id) == 1;
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
