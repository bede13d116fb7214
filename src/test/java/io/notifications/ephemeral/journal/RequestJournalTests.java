package io.notifications.ephemeral.journal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal keeps the newest entries up to its size and its text; sequences never
 * restart.
 */
class RequestJournalTests {

	@Test
	void theOldestEntriesAreDroppedFirstAndSequencesGoOnAfterAClear() {
		RequestJournal journal = new RequestJournal(2, Long.MAX_VALUE);
		for (int i = 0; i < 3; i++) {
			journal.add(RequestJournalTests::entry);
		}
		assertThat(journal.find((entry) -> true)).extracting(JournalEntry::sequence).containsExactly(2L, 3L);

		journal.clear();
		assertThat(journal.find((entry) -> true)).isEmpty();
		journal.add(RequestJournalTests::entry);
		assertThat(journal.find((entry) -> true)).extracting(JournalEntry::sequence).containsExactly(4L);
	}

	@Test
	void theOldestEntriesAreDroppedWhenTheBodiesAndQueriesPassTheTextBoundButTheNewestStays() {
		RequestJournal journal = new RequestJournal(100, 10);
		journal.add((sequence) -> entry(sequence, "abcd", null));
		journal.add((sequence) -> entry(sequence, "ef", "q=1"));
		journal.add((sequence) -> entry(sequence, null, null));
		assertThat(journal.find((entry) -> true)).extracting(JournalEntry::sequence).containsExactly(1L, 2L, 3L);

		journal.add((sequence) -> entry(sequence, "ghij", null));
		assertThat(journal.find((entry) -> true)).extracting(JournalEntry::sequence).containsExactly(2L, 3L, 4L);

		journal.add((sequence) -> entry(sequence, "x".repeat(25), null));
		assertThat(journal.find((entry) -> true)).extracting(JournalEntry::sequence).containsExactly(5L);

		journal.clear();
		journal.add((sequence) -> entry(sequence, "0123456789", null));
		assertThat(journal.find((entry) -> true)).extracting(JournalEntry::sequence).containsExactly(6L);
	}

	private static JournalEntry entry(long sequence) {
		return entry(sequence, null, null);
	}

	private static JournalEntry entry(long sequence, String body, String query) {
		return new JournalEntry(sequence, Instant.EPOCH, "GET", "/", query, null, null, null, body, false, 200, 0,
				null);
	}

}
