package io.notifications.resource;

import java.lang.reflect.Field;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.notifications.persistence.AuditedEntity;
import io.notifications.value.CodedEnum;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.SingularAttribute;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What Spring Data cannot do in one statement, in the columns Boot gives Hibernate. */
@Component
public class RecordWrites {

	private final EntityManager entityManager;

	private final DataSource dataSource;

	private final TransactionTemplate transaction;

	private final Map<Class<?>, Statements> statements = new ConcurrentHashMap<>();

	private final Map<Class<? extends Record>, Replacement> replacements = new ConcurrentHashMap<>();

	RecordWrites(EntityManager entityManager, DataSource dataSource, PlatformTransactionManager transactions) {
		this.entityManager = entityManager;
		this.dataSource = dataSource;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** Empty if no record has this Id (and version); commits alone if no transaction. */
	public OptionalLong replace(Class<? extends AuditedEntity> type, int id, Record request, Instant updatedOn,
			String updatedBy, Long expectedVersion) {
		Statements statements = statements(type);
		Replacement replacement = this.replacements.computeIfAbsent(request.getClass(),
				(requestType) -> new Replacement(statements, requestType));
		Query query = this.entityManager
			.createNativeQuery((expectedVersion != null) ? replacement.conditional : replacement.unconditional);
		int position = 1;
		for (Object value : replacement.writable.values(request)) {
			query.setParameter(position++, jdbcValue(value));
		}
		query.setParameter(position++, updatedOn);
		query.setParameter(position++, updatedBy);
		query.setParameter(position++, id);
		if (expectedVersion != null) {
			query.setParameter(position, expectedVersion);
		}
		List<?> versions = query.getResultList();
		return versions.isEmpty() ? OptionalLong.empty() : OptionalLong.of(((Number) versions.get(0)).longValue());
	}

	/** Into an emptied table (ephemeral mode); new Ids follow the highest written. */
	public void replaceAll(Class<? extends AuditedEntity> type, Iterable<Map<String, Object>> records) {
		Statements statements = statements(type);
		int highest = 0;
		for (Map<String, Object> record : records) {
			highest = Math.max(highest, (Integer) record.get("id"));
		}
		// H2 commits before a schema change: the restart first, on its own
		String restart = statements.restartIds + (highest + 1);
		this.transaction
			.executeWithoutResult((status) -> this.entityManager.createNativeQuery(restart).executeUpdate());
		this.transaction.executeWithoutResult((status) -> {
			this.entityManager.createNativeQuery(statements.deleteAll).executeUpdate();
			for (Map<String, Object> record : records) {
				Query insert = this.entityManager.createNativeQuery(statements.insert);
				for (int i = 0; i < statements.attributes.size(); i++) {
					insert.setParameter(i + 1, jdbcValue(record.get(statements.attributes.get(i))));
				}
				insert.executeUpdate();
			}
		});
	}

	private Statements statements(Class<?> type) {
		return this.statements.computeIfAbsent(type, (key) -> new Statements(type, this.entityManager, finalTable()));
	}

	/** H2 has {@code FINAL TABLE (UPDATE …)} where PostgreSQL has {@code RETURNING}. */
	private boolean finalTable() {
		try {
			return "H2"
				.equals(JdbcUtils.extractDatabaseMetaData(this.dataSource, DatabaseMetaData::getDatabaseProductName));
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database this is", ex);
		}
	}

	/** A coded enum is stored as its code, as {@code CodedEnumConverter} stores it. */
	private static Object jdbcValue(Object value) {
		return (value instanceof CodedEnum coded) ? coded.code() : value;
	}

	private static final class Statements {

		final Class<?> type;

		final String table;

		final boolean finalTable;

		final List<String> attributes = new ArrayList<>();

		final String insert;

		final String deleteAll;

		final String restartIds;

		Statements(Class<?> type, EntityManager entityManager, boolean finalTable) {
			Table table = type.getAnnotation(Table.class);
			String name = (table != null && !table.name().isEmpty()) ? table.name() : snakeCase(type.getSimpleName());
			this.type = type;
			this.table = name;
			this.finalTable = finalTable;
			StringBuilder columns = new StringBuilder();
			StringBuilder placeholders = new StringBuilder();
			for (SingularAttribute<?, ?> attribute : entityManager.getMetamodel()
				.entity(type)
				.getSingularAttributes()) {
				this.attributes.add(attribute.getName());
				columns.append(columns.isEmpty() ? "" : ", ").append(column(attribute));
				placeholders.append(placeholders.isEmpty() ? "?" : ", ?");
			}
			this.insert = "INSERT INTO " + name + " (" + columns + ") VALUES (" + placeholders + ")";
			this.deleteAll = "DELETE FROM " + name;
			// H2 and PostgreSQL both restart an identity column so
			this.restartIds = "ALTER TABLE " + name + " ALTER COLUMN id RESTART WITH ";
		}

		private static String column(SingularAttribute<?, ?> attribute) {
			return (attribute.getJavaMember() instanceof Field field) ? column(field) : snakeCase(attribute.getName());
		}

		static String column(Field field) {
			Column column = field.getAnnotation(Column.class);
			return (column != null && !column.name().isEmpty()) ? column.name() : snakeCase(field.getName());
		}

		/** Spring Boot's physical naming. */
		static String snakeCase(String name) {
			StringBuilder snake = new StringBuilder(name.replace('.', '_'));
			for (int i = 1; i < snake.length() - 1; i++) {
				if (Character.isLowerCase(snake.charAt(i - 1)) && Character.isUpperCase(snake.charAt(i))
						&& Character.isLowerCase(snake.charAt(i + 1))) {
					snake.insert(i++, '_');
				}
			}
			return snake.toString().toLowerCase(java.util.Locale.ROOT);
		}

	}

	private static final class Replacement {

		final WritableFields writable;

		final String unconditional;

		final String conditional;

		Replacement(Statements statements, Class<? extends Record> requestType) {
			this.writable = new WritableFields(requestType, statements.type);
			StringBuilder assignments = new StringBuilder();
			for (Field field : this.writable.fields()) {
				assignments.append(Statements.column(field)).append(" = ?, ");
			}
			String update = "UPDATE " + statements.table + " SET " + assignments
					+ "updated_on = ?, updated_by = ?, is_new = FALSE, version = version + 1 WHERE id = ?";
			this.unconditional = returningVersion(update, statements.finalTable);
			this.conditional = returningVersion(update + " AND version = ?", statements.finalTable);
		}

		private static String returningVersion(String update, boolean finalTable) {
			return finalTable ? "SELECT version FROM FINAL TABLE (" + update + ")" : update + " RETURNING version";
		}

	}

}
