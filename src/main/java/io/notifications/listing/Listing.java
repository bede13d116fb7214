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
import io.notifications.persistence.AuditedEntity;
import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;

import org.springframework.data.domain.Page;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.util.MultiValueMap;

/**
 * Nexudus's list and batch read of one resource. Each component of the response record is
 * a field: its {@code @JsonProperty} name the wire name, its Java name the entity
 * attribute.
 */
public final class Listing<E extends AuditedEntity, R> {

	public static final int DEFAULT_SIZE = 25;

	public static final int MAX_SIZE = 1000;

	/** As many as one page may hold. */
	public static final int MAX_IDS = MAX_SIZE;

	private final List<ListField> fields;

	private final Function<E, R> toRecord;

	private final ListQueryReader queries;

	/**
	 * @param resource the prefix of its filters
	 * @param aliases more names of fields, e.g. Nexudus's {@code Coworker} for
	 * {@code CoworkerId}
	 */
	public Listing(String resource, Class<? extends Record> recordType, Function<E, R> toRecord,
			Map<String, String> aliases) {
		this.fields = fieldsOf(recordType);
		this.toRecord = toRecord;
		Map<String, ListField> byLowerCaseName = new LinkedHashMap<>();
		this.fields.forEach((field) -> byLowerCaseName.put(field.wireName().toLowerCase(Locale.ROOT), field));
		aliases.forEach((alias, wireName) -> {
			ListField field = byLowerCaseName.get(wireName.toLowerCase(Locale.ROOT));
			if (field == null) {
				throw new IllegalArgumentException("No field " + wireName);
			}
			byLowerCaseName.put(alias.toLowerCase(Locale.ROOT), field);
		});
		this.queries = new ListQueryReader(resource, byLowerCaseName);
	}

	public static List<ListField> fieldsOf(Class<? extends Record> recordType) {
		List<ListField> fields = new ArrayList<>();
		for (RecordComponent component : recordType.getRecordComponents()) {
			JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
			String wireName = (property != null) ? property.value() : component.getName();
			fields.add(ListField.of(wireName, component.getName(), component.getType()));
		}
		return List.copyOf(fields);
	}

	public List<ListField> fields() {
		return this.fields;
	}

	/**
	 * Paged and counted in the database.
	 * @throws InvalidRequestException naming every parameter that is not valid
	 */
	public ListPage<R> list(JpaSpecificationExecutor<E> repository, MultiValueMap<String, String> parameters) {
		ListQuery query = this.queries.read(parameters);
		Specification<E> specification = query.specification();
		if (query.offset() > Integer.MAX_VALUE) {
			// past any row an int Id allows, and past what JPA can skip: count only
			return ListPage.of(List.of(), query, repository.count(specification));
		}
		Page<E> page = repository.findAll(specification, query.pageRequest());
		return ListPage.of(page.getContent().stream().map(this.toRecord).toList(), query, page.getTotalElements());
	}

	/**
	 * In the order asked for; unknown ids are left out.
	 * @param ids Nexudus's {@code [1,2,3]}; the brackets may be left out
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

}
