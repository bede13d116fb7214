package io.notifications.resource;

import java.time.Instant;

import io.notifications.memo.Memo;
import io.notifications.memo.MemoRequest;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
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

	ResourceStore<Memo> store;

	@BeforeEach
	void store() {
		this.store = new ResourceStore<>(this.entityManager, Memo.class);
	}

	@Test
	void anInsertedRecordIsReadBackWithItsServerManagedFields() {
		Memo saved = this.store.insert(memo("Hello", "admin@example.com", "2025-01-15T10:30:00.123Z"));
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
		Memo saved = this.store.insert(memo("v0", "admin@example.com", "2025-01-15T10:30:00Z"));
		Memo values = new Memo();
		values.replaceWith(new MemoRequest(null, "v1", true, Instant.parse("2025-02-01T00:00:00Z")));
		values.markUpdated("editor@example.com", Instant.parse("2025-01-16T00:00:00.9Z"));

		assertThat(this.store.replace(saved.getId(), values)).isTrue();
		assertThat(this.store.replace(saved.getId(), values)).isTrue();
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
		Memo saved = this.store.insert(memo("kept", "admin@example.com", "2025-01-15T10:30:00Z"));
		Memo values = memo("other", "editor@example.com", "2025-01-16T00:00:00Z");

		assertThat(this.store.replace(saved.getId() + 1000, values)).isFalse();
		assertThat(this.store.delete(saved.getId() + 1000)).isFalse();
		assertThat(this.store.delete(saved.getId())).isTrue();
		assertThat(this.store.delete(saved.getId())).isFalse();
	}

	private static Memo memo(String subject, String caller, String at) {
		Memo memo = new Memo();
		memo.replaceWith(new MemoRequest(null, subject, false, null));
		memo.markCreated(caller, Instant.parse(at));
		return memo;
	}

}
