package io.notifications.resource;

import java.time.Instant;
import java.util.UUID;

import io.notifications.memo.Memo;
import io.notifications.memo.MemoRepository;
import io.notifications.memo.MemoRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared repository of the resources on the Flyway schema (Hibernate validates the
 * mapping against it), with the test sources' memo entity.
 */
@DataJpaTest
@ActiveProfiles("test")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(RecordWrites.class)
class ResourceRepositoryTests {

	@Autowired
	TestEntityManager entities;

	@Autowired
	MemoRepository memos;

	@Autowired
	RecordWrites records;

	@Test
	void anInsertedRecordIsReadBackWithItsServerManagedFields() {
		Memo saved = insert(request("Hello"), "admin@example.com", Instant.parse("2025-01-15T10:30:00.123Z"));
		this.entities.clear();

		Memo found = this.memos.findById(saved.getId()).orElseThrow();
		assertThat(found.getSubject()).isEqualTo("Hello");
		assertThat(found.getUniqueId()).isEqualTo(saved.getUniqueId());
		assertThat(found.getCreatedOn()).isEqualTo(Instant.parse("2025-01-15T10:30:00Z"));
		assertThat(found.getUpdatedBy()).isEqualTo("admin@example.com");
		assertThat(found.isNew()).isTrue();
		assertThat(found.getVersion()).isZero();
		assertThat(this.memos.findById(saved.getId() + 1000)).isEmpty();
	}

	@Test
	void aReplacementWritesEveryWritableFieldCountsUpTheVersionAndKeepsTheFixedOnes() {
		Memo saved = insert(request("v0"), "admin@example.com", Instant.parse("2025-01-15T10:30:00Z"));
		MemoRequest replacement = new MemoRequest(saved.getId(), "v1", true, Instant.parse("2025-02-01T00:00:00Z"));
		Instant updatedOn = Instant.parse("2025-01-16T00:00:00Z");

		assertThat(this.records.replace(Memo.class, saved.getId(), replacement, updatedOn, "editor@example.com", null))
			.isPresent();
		assertThat(this.records.replace(Memo.class, saved.getId(), replacement, updatedOn, "editor@example.com", null))
			.isPresent();
		this.entities.clear();

		Memo found = this.memos.findById(saved.getId()).orElseThrow();
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
		Memo saved = insert(request("kept"), "admin@example.com", Instant.parse("2025-01-15T10:30:00Z"));

		assertThat(this.records.replace(Memo.class, saved.getId() + 1000, request("other"), Instant.now(),
				"editor@example.com", null))
			.isEmpty();
		this.entities.clear();
		assertThat(this.memos.findById(saved.getId()).orElseThrow().getSubject()).isEqualTo("kept");
		assertThat(this.memos.deleteRecord(saved.getId() + 1000) == 1).isFalse();
		assertThat(this.memos.deleteRecord(saved.getId()) == 1).isTrue();
		assertThat(this.memos.deleteRecord(saved.getId()) == 1).isFalse();
	}

	/** A memo made of the request's fields, stamped as a create stamps it. */
	private Memo insert(MemoRequest request, String caller, Instant now) {
		Memo memo = new Memo();
		ReflectionTestUtils.setField(memo, "subject", request.subject());
		memo.markCreated(caller, now, UUID.randomUUID());
		return this.memos.saveAndFlush(memo);
	}

	private static MemoRequest request(String subject) {
		return new MemoRequest(null, subject, null, null);
	}

}
