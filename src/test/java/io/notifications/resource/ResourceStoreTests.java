package io.notifications.resource;

import java.time.Instant;

import io.notifications.database.GroupCommit;
import io.notifications.memo.Memo;
import io.notifications.memo.MemoRequest;
import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared store on the Flyway schema (Hibernate validates the mapping against it), with the
 * test sources' memo entity.
 */
@DataJpaTest
@ActiveProfiles("test")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ResourceStoreTests {

	@Autowired
	EntityManager entityManager;

	@Autowired
	TestEntityManager entities;

	@Autowired
	DataSource dataSource;

	ResourceStore<Memo> store;

	@BeforeEach
	void store() {
		this.store = new ResourceStore<>(this.entityManager, new JdbcTemplate(this.dataSource),
				new GroupCommit(new JdbcTemplate(this.dataSource), false), Memo.class, Memo::new,
				MemoRequest.class);
	}

	@Test
	void anInsertedRecordIsReadBackWithItsServerManagedFields() {
		Memo saved = this.store.insert(new Memo(), request("Hello"), "admin@example.com",
				Instant.parse("2025-01-15T10:30:00.123Z"));
		this.entities.clear();

		Memo found = this.store.find(saved.getId()).orElseThrow();
		assertThat(found.getSubject()).isEqualTo("Hello");
		assertThat(found.getUniqueId()).isEqualTo(saved.getUniqueId());
		assertThat(found.getCreatedOn()).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
		assertThat(found.getUpdatedBy()).isEqualTo("admin@example.com");
		assertThat(found.isNew()).isTrue();
		assertThat(found.getVersion()).isZero();
		assertThat(this.store.find(saved.getId() + 1000)).isEmpty();
	}

	@Test
	void aReplacementWritesEveryWritableFieldCountsUpTheVersionAndKeepsTheFixedOnes() {
		Memo saved = this.store.insert(new Memo(), request("v0"), "admin@example.com",
				Instant.parse("2025-01-15T10:30:00Z"));
		MemoRequest replacement = new MemoRequest(saved.getId(), "v1", true, Instant.parse("2025-02-01T00:00:00Z"));
		Instant updatedOn = Instant.parse("2025-01-16T00:00:00Z");

		assertThat(this.store.replace(saved.getId(), replacement, "editor@example.com", updatedOn)).isTrue();
		assertThat(this.store.replace(saved.getId(), replacement, "editor@example.com", updatedOn)).isTrue();
		this.entities.clear();

		Memo found = this.store.find(saved.getId()).orElseThrow();
		assertThat(found.getSubject()).isEqualTo("v1");
		assertThat(found.isPinned()).isTrue();
		assertThat(found.getRemindOn()).isEqualTo(Instant.parse("2025-02-01T00:00:00Z"));
		assertThat(found.getUpdatedOn()).isEqualTo(Instant.parse("2025-01-16T00:00:00Z"));
		assertThat(found.getUpdatedBy()).isEqualTo("editor@example.com");
		assertThat(found.isNew()).isFalse();
		assertThat(found.getVersion()).isEqualTo(2);
		assertThat(found.getUniqueId()).isEqualTo(saved.getUniqueId());
		assertThat(found.getCreatedOn()).isEqualTo(saved.getCreatedOn());
	}

	@Test
	void replacingOrDeletingAMissingRecordChangesNothingAndSaysSo() {
		Memo saved = this.store.insert(new Memo(), request("kept"), "admin@example.com",
				Instant.parse("2025-01-15T10:30:00Z"));

		assertThat(this.store.replace(saved.getId() + 1000, request("other"), "editor@example.com", Instant.now()))
			.isFalse();
		this.entities.clear();
		assertThat(this.store.find(saved.getId()).orElseThrow().getSubject()).isEqualTo("kept");
		assertThat(this.store.delete(saved.getId() + 1000)).isFalse();
		assertThat(this.store.delete(saved.getId())).isTrue();
		assertThat(this.store.delete(saved.getId())).isFalse();
	}

	private static MemoRequest request(String subject) {
		return new MemoRequest(null, subject, null, null);
	}

}
