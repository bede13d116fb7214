package io.notifications.listing;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.notifications.listing.ListQuery.Filter;
import io.notifications.listing.ListQuery.Operator;
import io.notifications.persistence.AuditedEntity;
import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;

import org.springframework.data.domain.Page;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.util.MultiValueMap;

/**
 * Nexudus's list and batch read of one resource; each resource declares its own as a bean. The fields come from the response record: each
 * component's {@code @JsonProperty} name is the wire name, and its Java name the entity attribute.
 * <p>
 * Parameter names match case-insensitively, as in .NET. An empty value counts as absent.
 * Parameters outside the list's vocabulary are ignored, but one that names this resource's
 * filters ({@code {Resource}_...}, {@code from_{Resource}_...}, {@code to_{Resource}_...}) and
 * no field of it, or a range on a field without one, is refused, so that a misspelt filter never
 * silently lists everything.
 *
 * @param <E> the entity type
 * @param <R> the response record type
 */
public abstract class Listing<E extends AuditedEntity, R> {

	public static final int DEFAULT_SIZE = 25;

	public static final int MAX_SIZE = 1000;

	/** At most this many ids in one batch read, as many as one page may hold. */
	public static final int MAX_IDS = MAX_SIZE;

	static final String PAGE = "page";

	static final String SIZE = "size";

	static final String ORDER_BY = "orderBy";

	static final String DIR = "dir";

	private final String resource;

	private final String basePath;

	private final List<ListField> fields;

	private final Map<String, ListField> byLowerCaseName = new LinkedHashMap<>();

	private final Function<E, R> toRecord;

	private final Class<? extends Record> recordType;

	private final Map<String, String> aliases;

	/**
	 * The listing of a resource whose response record is {@code recordType}.
	 * @param resource Nexudus's name of the resource, the prefix of its filters
	 * @param basePath the resource's base path
	 * @param recordType the response record, whose components name the fields
	 * @param toRecord maps a stored entity to its response record
	 * @param aliases more names of fields, e.g. Nexudus's {@code Coworker} for {@code CoworkerId}
	 */
	protected Listing(String resource, String basePath, Class<? extends Record> recordType, Function<E, R> toRecord,
			Map<String, String> aliases) {
		this.resource = resource;
		this.basePath = basePath;
		this.toRecord = toRecord;
		this.recordType = recordType;
		this.aliases = Map.copyOf(aliases);
		List<ListField> fields = new ArrayList<>();
		for (RecordComponent component : recordType.getRecordComponents()) {
			JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
			String wireName = (property != null) ? property.value() : component.getName();
			ListField field = ListField.of(wireName, component.getName(), component.getType());
			fields.add(field);
			this.byLowerCaseName.put(wireName.toLowerCase(Locale.ROOT), field);
		}
		this.fields = List.copyOf(fields);
		aliases.forEach((alias, wireName) -> {
			ListField field = this.byLowerCaseName.get(wireName.toLowerCase(Locale.ROOT));
			if (field == null) {
				throw new IllegalArgumentException("No field " + wireName);
			}
			this.byLowerCaseName.put(alias.toLowerCase(Locale.ROOT), field);
		});
	}

	public String resource() {
		return this.resource;
	}

	public String basePath() {
		return this.basePath;
	}

	public Class<? extends Record> recordType() {
		return this.recordType;
	}

	/** More names of fields, each to the wire name of its field. */
	public Map<String, String> aliases() {
		return this.aliases;
	}

	/** The fields in record order. */
	public List<ListField> fields() {
		return this.fields;
	}

	/**
	 * One page of the records that pass the filters, paged and counted in the database.
	 * @throws InvalidRequestException naming every parameter that is not valid
	 */
	public <X extends JpaSpecificationExecutor<E>> ListPage<R> list(X repository,
			MultiValueMap<String, String> parameters) {
		ListQuery query = query(parameters);
		Specification<E> specification = query.specification();
		if (query.offset() > Integer.MAX_VALUE) {
			// past any row an int Id allows, and past what JPA can skip: count only
			return ListPage.of(List.of(), query, repository.count(specification));
		}
		Page<E> page = repository.findAll(specification, query.pageRequest());
		return ListPage.of(page.getContent().stream().map(this.toRecord).toList(), query, page.getTotalElements());
	}

	/**
	 * The records with the given ids, in the order asked for; unknown ids are left out.
	 * @param ids Nexudus's {@code [1,2,3]}; the brackets may be left out
	 * @throws InvalidRequestException if the text is not such a list
	 */
	public List<R> read(JpaRepository<E, Integer> repository, String ids) {
		List<Integer> wanted = readIds(ids);
		Map<Integer, E> found = new LinkedHashMap<>();
		for (E entity : repository.findAllById(wanted)) {
			found.put(entity.getId(), entity);
		}
		return wanted.stream().filter(found::containsKey).map((id) -> this.toRecord.apply(found.get(id))).toList();
	}

	private static List<Integer> readIds(String text) {
		String list = text.strip();
		if (list.startsWith("[") && list.endsWith("]")) {
			list = list.substring(1, list.length() - 1).strip();
		}
		if (list.isEmpty() && !text.isBlank()) {
			return List.of();
		}
		Set<Integer> ids = new LinkedHashSet<>();
		for (String id : list.split(",", -1)) {
			try {
				ids.add(ListField.parseInt(id.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidRequestException(new ErrorItem(text, ErrorItem.NOT_VALID, "id"));
			}
		}
		if (ids.size() > MAX_IDS) {
			throw new InvalidRequestException(new ErrorItem(text, "must hold at most " + MAX_IDS + " ids", "id"));
		}
		return List.copyOf(ids);
	}

	ListQuery query(MultiValueMap<String, String> parameters) {
		List<ErrorItem> errors = new ArrayList<>();
		Map<String, Parameter> sent = new LinkedHashMap<>();
		parameters.forEach((name, values) -> sent
			.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> new Parameter(name, new ArrayList<>()))
			.values()
			.addAll(values));

		Parameter page = sent.remove(PAGE);
		Parameter size = sent.remove(SIZE);
		Parameter orderBy = sent.remove(ORDER_BY.toLowerCase(Locale.ROOT));
		Parameter dir = sent.remove(DIR);
		int pageNumber = readNumber(page, 1, 1, Integer.MAX_VALUE, errors);
		int pageSize = readNumber(size, DEFAULT_SIZE, 1, MAX_SIZE, errors);
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

	/** The one value of a parameter, null if absent or empty; a repeated parameter is refused. */
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

	/** A parameter as sent: the name of its first occurrence and all its values. */
	private record Parameter(String name, List<String> values) {
	}

}
