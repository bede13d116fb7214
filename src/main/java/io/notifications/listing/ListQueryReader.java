package io.notifications.listing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.notifications.listing.ListQuery.Filter;
import io.notifications.listing.ListQuery.Operator;
import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;

import org.springframework.util.MultiValueMap;

/**
 * Names match case-insensitively, as in .NET; an empty value counts as absent. A
 * parameter that names this resource's filters ({@code {Resource}_...}, {@code from_...},
 * {@code to_...}) but no field of it, or a range on a field without one, is refused, so
 * that a misspelt filter never silently lists everything.
 */
final class ListQueryReader {

	static final String PAGE = "page";

	static final String SIZE = "size";

	static final String ORDER_BY = "orderBy";

	static final String DIR = "dir";

	static final String BATCH_READ_ID = "must be written id, in lower case, for a batch read";

	private final String resource;

	private final Map<String, ListField> byLowerCaseName;

	/**
	 * @param byLowerCaseName the fields by lower-case wire name and alias
	 */
	ListQueryReader(String resource, Map<String, ListField> byLowerCaseName) {
		this.resource = resource;
		this.byLowerCaseName = Map.copyOf(byLowerCaseName);
	}

	ListQuery read(MultiValueMap<String, String> parameters) {
		List<ErrorItem> errors = new ArrayList<>();
		Map<String, Parameter> sent = new LinkedHashMap<>();
		parameters.forEach((name, values) -> sent
			.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> new Parameter(name, new ArrayList<>()))
			.values()
			.addAll(values));

		Parameter id = sent.remove("id");
		if (id != null) {
			// routed here, not to the batch read, because Spring matches route parameters
			// in
			// one case: a clear 400 rather than the whole list
			errors.add(new ErrorItem(ListField.attempted(id.values().get(0)), BATCH_READ_ID, id.name()));
		}
		Parameter page = sent.remove(PAGE);
		Parameter size = sent.remove(SIZE);
		Parameter orderBy = sent.remove(ORDER_BY.toLowerCase(Locale.ROOT));
		Parameter dir = sent.remove(DIR);
		int pageNumber = readNumber(page, 1, 1, Integer.MAX_VALUE, errors);
		int pageSize = readNumber(size, Listing.DEFAULT_SIZE, 1, Listing.MAX_SIZE, errors);
		ListField order = this.byLowerCaseName.get("id");
		String orderName = single(orderBy, errors);
		if (orderName != null) {
			order = this.byLowerCaseName.get(orderName.toLowerCase(Locale.ROOT));
			if (order == null) {
				errors.add(new ErrorItem(orderName, ErrorItem.NOT_VALID, orderBy.name()));
			}
		}
		int direction = readDirection(dir, errors);
		List<Filter> filters = readFilters(sent.values(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
		return new ListQuery(pageNumber, pageSize, order, direction, filters);
	}

	private static int readNumber(Parameter parameter, int absent, int min, int max, List<ErrorItem> errors) {
		String text = single(parameter, errors);
		if (text == null) {
			return absent;
		}
		try {
			int value = ListField.parseInt(text);
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		errors.add(new ErrorItem(ListField.attempted(text), ErrorItem.NOT_VALID, parameter.name()));
		return absent;
	}

	private static int readDirection(Parameter parameter, List<ErrorItem> errors) {
		String text = single(parameter, errors);
		if (text == null) {
			return 1;
		}
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "1", "ascending" -> 1;
			case "-1", "descending" -> -1;
			default -> {
				errors.add(new ErrorItem(ListField.attempted(text), ErrorItem.NOT_VALID, parameter.name()));
				yield 1;
			}
		};
	}

	private List<Filter> readFilters(Iterable<Parameter> parameters, List<ErrorItem> errors) {
		String equality = this.resource.toLowerCase(Locale.ROOT) + "_";
		List<Filter> filters = new ArrayList<>();
		for (Parameter parameter : parameters) {
			String name = parameter.name().toLowerCase(Locale.ROOT);
			Operator operator;
			String fieldName;
			if (name.startsWith(equality)) {
				operator = Operator.EQUAL;
				fieldName = name.substring(equality.length());
			}
			else if (name.startsWith("from_" + equality)) {
				operator = Operator.AT_LEAST;
				fieldName = name.substring(5 + equality.length());
			}
			else if (name.startsWith("to_" + equality)) {
				operator = Operator.AT_MOST;
				fieldName = name.substring(3 + equality.length());
			}
			else {
				continue;
			}
			String text = single(parameter, errors);
			if (text == null) {
				continue;
			}
			ListField field = this.byLowerCaseName.get(fieldName);
			if (field == null || operator != Operator.EQUAL && !field.hasRange()) {
				errors.add(new ErrorItem(ListField.attempted(text), ErrorItem.NOT_VALID, parameter.name()));
				continue;
			}
			try {
				Object value = field.parse(text);
				boolean contains = operator == Operator.EQUAL && field.kind() == ListField.Kind.TEXT;
				filters.add(new Filter(field, contains ? Operator.CONTAINS : operator, value));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new ErrorItem(ListField.attempted(text), ErrorItem.NOT_VALID, parameter.name()));
			}
		}
		return filters;
	}

	/** Null if absent or empty; a repeated parameter is refused. */
	private static String single(Parameter parameter, List<ErrorItem> errors) {
		if (parameter == null) {
			return null;
		}
		if (parameter.values().size() > 1) {
			errors.add(new ErrorItem(parameter.values(), ErrorItem.NOT_VALID, parameter.name()));
			return null;
		}
		String value = parameter.values().get(0);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The name of its first occurrence and all its values. */
	private record Parameter(String name, List<String> values) {
	}

}
