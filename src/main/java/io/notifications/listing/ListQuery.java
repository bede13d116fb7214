package io.notifications.listing;

import java.util.List;
import java.util.Locale;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

/**
 * A list request, read and checked.
 *
 * @param size 1 to {@link Listing#MAX_SIZE}
 * @param direction 1 ascending, -1 descending
 */
record ListQuery(int page, int size, ListField orderBy, int direction, List<Filter> filters) {

	private static final String ID = "id";

	long offset() {
		return (long) (this.page - 1) * this.size;
	}

	/**
	 * The Id comes after the chosen field, so that records with equal values keep one
	 * order from page to page; nulls come first ascending, as on SQL Server.
	 */
	PageRequest pageRequest() {
		Sort.Direction sortDirection = (this.direction > 0) ? Sort.Direction.ASC : Sort.Direction.DESC;
		Sort.Order first = new Sort.Order(sortDirection, this.orderBy.attribute(),
				(this.direction > 0) ? Sort.NullHandling.NULLS_FIRST : Sort.NullHandling.NULLS_LAST);
		Sort sort = Sort.by(first);
		if (!this.orderBy.attribute().equals(ID)) {
			sort = sort.and(Sort.by(sortDirection, ID));
		}
		return PageRequest.of(this.page - 1, this.size, sort);
	}

	<E> Specification<E> specification() {
		return (root, query, builder) -> builder
			.and(this.filters.stream().map((filter) -> filter.toPredicate(root, builder)).toArray(Predicate[]::new));
	}

	record Filter(ListField field, Operator operator, Object value) {

		@SuppressWarnings({ "unchecked", "rawtypes" })
		<E> Predicate toPredicate(Root<E> root, CriteriaBuilder builder) {
			Expression path = root.get(this.field.attribute());
			return switch (this.operator) {
				case EQUAL -> builder.equal(path, this.value);
				case CONTAINS -> builder.like(builder.lower(path), containing((String) this.value), '\\');
				case AT_LEAST -> builder.greaterThanOrEqualTo(path, (Comparable) this.value);
				case AT_MOST -> builder.lessThanOrEqualTo(path, (Comparable) this.value);
			};
		}

		/** A LIKE pattern for a text anywhere, its wildcards taken literally. */
		private static String containing(String text) {
			String lower = text.toLowerCase(Locale.ROOT);
			return "%" + lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		}

	}

	enum Operator {

		EQUAL, CONTAINS, AT_LEAST, AT_MOST

	}

}
