package io.notifications.resource;

import java.lang.reflect.Field;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.SingularAttribute;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The SQL of one resource's table, written once from Hibernate's mapping of its entity, so that it
 * names the same table and columns, and converts values the same way (coded enums through their
 * converters), as everything Hibernate itself sends.
 *
 * @param <E> the entity type
 */
final class ResourceTable<E extends AuditedEntity> {

	/** The columns the replacement writes from the request, in the order of its parameters. */
	private final List<JdbcMapping> replacedColumns = new ArrayList<>();

	/** The entity's fields in the order {@link #find} selects their columns. */
	private final List<ReadColumn> readColumns = new ArrayList<>();

	/** Replaces every writable field, stamps the record and counts up its version. */
	final String replace;

	/** {@link #replace} that also requires the version the client last saw. */
	final String conditionalReplace;

	final String delete;

	final String conditionalDelete;

	/** Reads the version alone, to tell a missing record from a stale precondition. */
	final String version;

	/** The version column, which a replacement returns as a generated key. */
	final String versionColumn;

	/** Reads a whole record. */
	final String find;

	/** Writes a whole record, its Id and server-managed fields as given (fixtures, not the API). */
	final String insert;

	/** Empties the table. */
	final String deleteAll;

	/** Where the next generated Id starts; followed by the number. */
	final String restartIds;

	ResourceTable(EntityManager entityManager, Class<E> type, List<String> writableFields) {
		EntityPersister persister = entityManager.getEntityManagerFactory()
			.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.getEntityDescriptor(type);
		StringBuilder assignments = new StringBuilder();
		for (String name : writableFields) {
			BasicValuedModelPart column = column(persister, name);
			assignments.append(column.getSelectionExpression()).append(" = ?, ");
			this.replacedColumns.add(column.getJdbcMapping());
		}
		String table = column(persister, "updatedOn").getContainingTableExpression();
		String id = column(persister, "id").getSelectionExpression();
		this.versionColumn = column(persister, "version").getSelectionExpression();
		this.replace = "UPDATE " + table + " SET " + assignments + column(persister, "updatedOn").getSelectionExpression()
				+ " = ?, " + column(persister, "updatedBy").getSelectionExpression() + " = ?, "
				+ column(persister, "isNew").getSelectionExpression() + " = FALSE, " + this.versionColumn + " = "
				+ this.versionColumn + " + 1 WHERE " + id + " = ?";
		this.conditionalReplace = this.replace + " AND " + this.versionColumn + " = ?";
		this.delete = "DELETE FROM " + table + " WHERE " + id + " = ?";
		this.conditionalDelete = this.delete + " AND " + this.versionColumn + " = ?";
		this.version = "SELECT " + this.versionColumn + " FROM " + table + " WHERE " + id + " = ?";
		StringBuilder selected = new StringBuilder();
		StringBuilder placeholders = new StringBuilder();
		for (SingularAttribute<? super E, ?> attribute : entityManager.getMetamodel().entity(type).getSingularAttributes()) {
			BasicValuedModelPart column = column(persister, attribute.getName());
			Field field = (Field) attribute.getJavaMember();
			ReflectionUtils.makeAccessible(field);
			this.readColumns.add(new ReadColumn(field, column.getJdbcMapping()));
			placeholders.append(selected.isEmpty() ? "?" : ", ?");
			selected.append(selected.isEmpty() ? "" : ", ").append(column.getSelectionExpression());
		}
		this.find = "SELECT " + selected + " FROM " + table + " WHERE " + id + " = ?";
		this.insert = "INSERT INTO " + table + " (" + selected + ") VALUES (" + placeholders + ")";
		this.deleteAll = "DELETE FROM " + table;
		// H2 and PostgreSQL both restart an identity column so
		this.restartIds = "ALTER TABLE " + table + " ALTER COLUMN " + id + " RESTART WITH ";
	}

	private static BasicValuedModelPart column(EntityPersister persister, String attribute) {
		if (attribute.equals("id")) {
			return (BasicValuedModelPart) persister.getIdentifierMapping();
		}
		return (BasicValuedModelPart) persister.findAttributeMapping(attribute);
	}

	/**
	 * The parameters of {@link #replace} (and, with a version, {@link #conditionalReplace}).
	 * @param values the writable fields' values, in the order the table was given their names
	 */
	Object[] replaceParameters(List<Object> values, Instant updatedOn, String caller, int id, Long expectedVersion) {
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
		return parameters.toArray();
	}

	/**
	 * The parameters of {@link #insert}.
	 * @param values every field's value, by the entity's field name
	 */
	Object[] insertParameters(Map<String, Object> values) {
		return this.readColumns.stream()
			.map((column) -> jdbcValue(column.mapping(), values.get(column.field().getName())))
			.toArray();
	}

	/** A row that {@link #find} selected, as a detached entity. */
	E read(ResultSet row, Supplier<E> newEntity) throws SQLException {
		E entity = newEntity.get();
		for (int i = 0; i < this.readColumns.size(); i++) {
			ReadColumn column = this.readColumns.get(i);
			ReflectionUtils.setField(column.field(), entity, column.domainValue(row, i + 1));
		}
		return entity;
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
