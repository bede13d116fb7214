package io.notifications.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.opentest4j.AssertionFailedError;

/**
 * A query of the server's journal of requests ({@code GET /ephemeral/requests}, CONTRACT.md section
 * 7), narrowed by the filters set on it (combined with AND). Each filter returns a new query:
 *
 * <pre>{@code
 * nexudus.requests().method("PUT").path("/api/spaces/coworkernotifications").assertCount(2);
 * nexudus.requests().caller("reader@example.com").status(403).assertNone();
 * RecordedRequest put = nexudus.requests().method("PUT").assertOne();
 * }</pre>
 *
 * The server journals a request before the last byte of its answer is sent, so a test may assert
 * right after its client got the answer. The reset before each test empties the journal.
 */
public final class Requests {

	/** At most this many of the journal's requests in a failed assertion's message. */
	private static final int SHOWN = 20;

	private final ServerConnection connection;

	private final Map<String, String> filters;

	Requests(ServerConnection connection) {
		this(connection, new LinkedHashMap<>());
	}

	private Requests(ServerConnection connection, Map<String, String> filters) {
		this.connection = connection;
		this.filters = filters;
	}

	/** Only requests with this method. */
	public Requests method(String method) {
		return with("method", method.toUpperCase(Locale.ROOT));
	}

	/** Only requests to exactly this path (without the query). */
	public Requests path(String path) {
		return with("path", path);
	}

	/** Only requests whose path starts with this. */
	public Requests pathPrefix(String pathPrefix) {
		return with("path_prefix", pathPrefix);
	}

	/** Only requests authenticated as this user (email). */
	public Requests caller(String email) {
		return with("caller", email);
	}

	/** Only requests answered with this status (0 for a dropped connection). */
	public Requests status(int status) {
		return with("status", Integer.toString(status));
	}

	/** Only requests received at or after this time of the server's clock. */
	public Requests since(Instant since) {
		return with("since", since.toString());
	}

	/** Only requests with a {@code Sequence} greater than this (the reliable one with a fixed clock). */
	public Requests after(long sequence) {
		return with("after", Long.toString(sequence));
	}

	/** Only requests after this one. */
	public Requests after(RecordedRequest request) {
		return after(request.sequence());
	}

	/** The matching requests, oldest first. */
	public List<RecordedRequest> list() {
		return read().records();
	}

	/** How many requests match. */
	public int count() {
		return read().records().size();
	}

	/** Fails unless no request matches. */
	public void assertNone() {
		assertCount(0);
	}

	/** Fails unless exactly one request matches, and returns it. */
	public RecordedRequest assertOne() {
		return assertCount(1).get(0);
	}

	/** Fails unless exactly {@code expected} requests match, and returns them. */
	public List<RecordedRequest> assertCount(int expected) {
		List<RecordedRequest> matching = list();
		if (matching.size() != expected) {
			String found = matching.isEmpty() ? "none" + whatTheJournalHolds()
					: matching.size() + ":\n  " + matching.stream().map(RecordedRequest::summary).collect(Collectors.joining("\n  "));
			throw new AssertionFailedError("Expected " + expected + " request" + ((expected == 1) ? "" : "s")
					+ " matching " + describe() + " in the server's journal, found " + found, expected, matching.size());
		}
		return matching;
	}

	/** When no request matched: the last ones the journal holds, to see which filter was wrong. */
	private String whatTheJournalHolds() {
		if (this.filters.isEmpty()) {
			return "";
		}
		List<RecordedRequest> all = new Requests(this.connection).list();
		if (all.isEmpty()) {
			return " (the journal is empty)";
		}
		List<RecordedRequest> last = all.subList(Math.max(0, all.size() - SHOWN), all.size());
		return "; it holds " + all.size() + ((last.size() < all.size()) ? ", the last " + last.size() + " of them" : "") + ":\n  "
				+ last.stream().map(RecordedRequest::summary).collect(Collectors.joining("\n  "));
	}

	/**
	 * Empties the whole journal ({@code DELETE /ephemeral/requests}); only on the unfiltered
	 * {@code requests()}, since the server has no partial delete.
	 */
	public void clear() {
		if (!this.filters.isEmpty()) {
			throw new IllegalStateException("clear() empties the whole journal: call it on requests(), not on "
					+ describe());
		}
		this.connection.steer("DELETE", "/ephemeral/requests", null);
	}

	/** The filters, as in an assertion message: {@code method=PUT path=/api/...}, or {@code any}. */
	public String describe() {
		return this.filters.isEmpty() ? "(any)"
				: this.filters.entrySet().stream().map((filter) -> filter.getKey() + "=" + filter.getValue())
					.collect(Collectors.joining(" "));
	}

	@Override
	public String toString() {
		return "Requests " + describe();
	}

	/** {@code /ephemeral/requests} with the filters as its query. */
	String pathAndQuery() {
		if (this.filters.isEmpty()) {
			return "/ephemeral/requests";
		}
		return "/ephemeral/requests?" + this.filters.entrySet()
			.stream()
			.map((filter) -> filter.getKey() + "=" + URLEncoder.encode(filter.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private Journal read() {
		return Journal.from(this.connection.steer("GET", pathAndQuery(), null));
	}

	private Requests with(String filter, String value) {
		Map<String, String> filters = new LinkedHashMap<>(this.filters);
		filters.put(filter, value);
		return new Requests(this.connection, filters);
	}

	/** The answer of {@code GET /ephemeral/requests}. */
	record Journal(List<RecordedRequest> records, long totalItems) {

		static Journal from(Object json) {
			JsonFields answer = JsonFields.of(json, "The journal");
			List<RecordedRequest> records = new ArrayList<>();
			for (Object record : answer.list("Records")) {
				records.add(RecordedRequest.from(JsonFields.of(record, "A journal record")));
			}
			Long total = answer.whole("TotalItems");
			return new Journal(List.copyOf(records), (total != null) ? total : records.size());
		}

	}

}
