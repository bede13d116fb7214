package io.notifications.ephemeral.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.notifications.ephemeral.EphemeralProperties;
import io.notifications.value.WireValues;
import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /ephemeral/requests}: the journal, filtered, and its clearing. Filters are
 * optional and combine with AND; their names match in any case.
 */
@RestController
@RequestMapping("/ephemeral/requests")
@Profile(EphemeralProperties.PROFILE)
class JournalController {

	static final Set<String> FILTERS = Set.of("method", "path", "path_prefix", "caller", "status", "since", "after");

	static final String UNKNOWN_FILTER = "is not a known filter";

	private final RequestJournal journal;

	JournalController(RequestJournal journal) {
		this.journal = journal;
	}

	@Operation(summary = "The requests the server answered (ephemeral mode only)",
			description = "Oldest first. Filters: method, path (exact), path_prefix, caller, status, since "
					+ "(Time at or after) and after (Sequence above).")
	@GetMapping
	Listed<JournalEntry> requests(@RequestParam Map<String, String> documented, HttpServletRequest request) {
		// every value: the documented map holds each name's first
		Map<String, List<String>> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		request.getParameterMap()
			.forEach((name, values) -> named.computeIfAbsent(name, (key) -> new ArrayList<>()).addAll(List.of(values)));
		Map<String, String> filters = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		List<ErrorItem> refused = new ArrayList<>();
		named.forEach((name, values) -> {
			if (!FILTERS.contains(name.toLowerCase(Locale.ROOT))) {
				// a misspelt filter left out would match every request
				refused.add(new ErrorItem(values.get(0), UNKNOWN_FILTER, name));
			}
			else if (values.size() > 1) {
				// as on the resources' lists: one would be left out
				refused.add(new ErrorItem(values, ErrorItem.NOT_VALID, name));
			}
			else if (!values.get(0).isEmpty()) {
				filters.put(name, values.get(0));
			}
		});
		if (!refused.isEmpty()) {
			throw new InvalidRequestException(refused);
		}
		Predicate<JournalEntry> filter = (entry) -> true;
		filter = filter.and(text(filters, "method", JournalEntry::method, true));
		filter = filter.and(text(filters, "path", JournalEntry::path, false));
		filter = filter.and(text(filters, "caller", JournalEntry::caller, true));
		String prefix = filters.get("path_prefix");
		if (prefix != null) {
			filter = filter.and((entry) -> entry.path().startsWith(prefix));
		}
		Integer status = parsed(filters, "status", WireValues::toInt);
		if (status != null) {
			filter = filter.and((entry) -> entry.status() == status);
		}
		Instant since = parsed(filters, "since", WireValues::toDateTime);
		if (since != null) {
			filter = filter.and((entry) -> !entry.time().isBefore(since));
		}
		Long after = parsed(filters, "after", Long::valueOf);
		if (after != null) {
			filter = filter.and((entry) -> entry.sequence() > after);
		}
		return Listed.of(this.journal.find(filter));
	}

	@Operation(summary = "Empty the request journal (ephemeral mode only)")
	@DeleteMapping
	ResponseEntity<Void> clear() {
		this.journal.clear();
		return ResponseEntity.noContent().build();
	}

	/** A filter on a text property; methods and emails match in any case. */
	private static Predicate<JournalEntry> text(Map<String, String> filters, String name,
			Function<JournalEntry, String> property, boolean ignoreCase) {
		String wanted = filters.get(name);
		if (wanted == null) {
			return (entry) -> true;
		}
		return (entry) -> {
			String value = property.apply(entry);
			return ignoreCase ? wanted.equalsIgnoreCase(value) : Objects.equals(wanted, value);
		};
	}

	private static <T> T parsed(Map<String, String> filters, String name, Function<String, T> parser) {
		String text = filters.get(name);
		if (text == null) {
			return null;
		}
		try {
			return parser.apply(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(new ErrorItem(text, ErrorItem.NOT_VALID, name));
		}
	}

}
