package io.notifications.resource;

import java.util.Optional;

import io.notifications.persistence.AuditedEntity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored records of one resource: Spring Data's reads, lists (with specifications)
 * and inserts, and deletes that need no read first (a PUT's replacement is
 * {@link RecordWrites}'). Each resource declares an interface extending this one.
 *
 * @param <E> the entity type
 */
@NoRepositoryBean
public interface ResourceRepository<E extends AuditedEntity>
		extends JpaRepository<E, Integer>, JpaSpecificationExecutor<E> {

	/**
	 * The record's current version.
	 * @return empty if there is no such record
	 */
	@Query("select e.version from #{#entityName} e where e.id = ?1")
	Optional<Long> findVersionById(int id);

	/**
	 * Deletes a record in one statement.
	 * @return whether there was one
	 */
	@Transactional
	@Modifying
	@Query("delete from #{#entityName} e where e.id = ?1")
	int deleteRecord(int id);

	/**
	 * Deletes a record in one statement, if it still has this version.
	 * @return whether it was deleted
	 */
	@Transactional
	@Modifying
	@Query("delete from #{#entityName} e where e.id = ?1 and e.version = ?2")
	int deleteRecord(int id, long version);

}
