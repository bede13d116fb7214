package io.notifications.resource;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.notifications.persistence.AuditedEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.SingularAttribute;

import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.util.ReflectionUtils;

/**
 * The stored records of one resource. A replacement and a deletion are one SQL statement each:
 * the database's row lock serialises concurrent writes of one record, and the row count tells
 * whether the record exists, so no read comes first.
 *
 * @param <E> the entity type
 */
final class ResourceStore<E extends AuditedEntity> {

	/** Set once, at creation, and never replaced. */
	private static final Set<String> FIXED = Set.of("id", "uniqueId", "createdOn", "version");

	private final EntityManager entityManager;

	private final Class<E> type;

	private final SimpleJpaRepository<E, Integer> repository;

	private final List<Field> replaced = new ArrayList<>();

	private final String replaceStatement;

	private final String deleteStatement;

	ResourceStore(EntityManager entityManager, Class<E> type) {
		this.entityManager = entityManager;
		this.type = type;
		this.repository = new SimpleJpaRepository<>(type, entityManager);
		String entity = entityManager.getMetamodel().entity(type).getName();
		StringBuilder assignments = new StringBuilder();
		for (SingularAttribute<? super E, ?> attribute : entityManager.getMetamodel().entity(type).getSingularAttributes()) {
			if (FIXED.contains(attribute.getName())) {
				continue;
			}
			Field field = (Field) attribute.getJavaMember();
			ReflectionUtils.makeAccessible(field);
			this.replaced.add(field);
			assignments.append("e.").append(field.getName()).append(" = :").append(field.getName()).append(", ");
		}
		this.replaceStatement = "update " + entity + " e set " + assignments
				+ "e.version = e.version + 1 where e.id = :id";
		this.deleteStatement = "delete from " + entity + " e where e.id = :id";
	}

	/** The repository that lists, counts and batch-reads, with Spring Data's paging. */
	SimpleJpaRepository<E, Integer> repository() {
		return this.repository;
	}

	E insert(E entity) {
		this.entityManager.persist(entity);
		this.entityManager.flush();
		return entity;
	}

	Optional<E> find(int id) {
		return Optional.ofNullable(this.entityManager.find(this.type, id));
	}

	/**
	 * Writes every replaceable field of {@code values} into the record {@code id} and counts up its
	 * version, in one statement.
	 * @return whether the record exists
	 */
	boolean replace(int id, E values) {
		var update = this.entityManager.createQuery(this.replaceStatement).setParameter("id", id);
		for (Field field : this.replaced) {
			update.setParameter(field.getName(), ReflectionUtils.getField(field, values));
		}
		return update.executeUpdate() == 1;
	}

	/** @return whether the record existed */
	boolean delete(int id) {
		return this.entityManager.createQuery(this.deleteStatement).setParameter("id", id).executeUpdate() == 1;
	}

}
