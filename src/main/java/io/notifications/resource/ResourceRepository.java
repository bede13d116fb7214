package io.notifications.resource;

import java.util.Optional;

import io.notifications.persistence.AuditedEntity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.transaction.annotation.Transactional;

/** Deletes need no read first; a PUT's replacement is {@link RecordWrites}'. */
@NoRepositoryBean
public interface ResourceRepository<E extends AuditedEntity>
		extends JpaRepository<E, Integer>, JpaSpecificationExecutor<E> {

	@Query("select e.version from #{#entityName} e where e.id = ?1")
	Optional<Long> findVersionById(int id);

	@Transactional
	@Modifying
	@Query("delete from #{#entityName} e where e.id = ?1")
	int deleteRecord(int id);

	@Transactional
	@Modifying
	@Query("delete from #{#entityName} e where e.id = ?1 and e.version = ?2")
	int deleteRecord(int id, long version);

}
