package io.notifications.ephemeral.journal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal keeps the newest entries up to its size; sequences never restart. */
class RequestJournalTests {

	@Test
	void theOldestEntriesAreDroppedFirstAndSequencesGoOnAfterAClear() {
		RequestJournal journal = new RequestJournal(2);
		for (int i = 0; i < 3; i++) {
			journal.add(RequestJournalTests::entry);
		}
		assertThat(journal.find((entry) -> true)).extracting(JournalEntry::sequence).containsExactly(2L, 3L);

		journal.clear();
		assertThat(journal.find((entry) -> true)).isEmpty();
		journal.add(RequestJournalTests::entry);
		assertThat(journal.find((entry) -> true)).extracting(JournalEntry::sequence).containsExactly(4L);
	}

	private static JournalEntry entry(long sequence) {
		return new JournalEntry(sequence, Instant.EPOCH, "GET", "/", null, null, null, null, null, false, 200, 0, null);
	}

}
