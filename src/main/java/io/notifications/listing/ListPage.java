package io.notifications.listing;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Nexudus's shape: the {@code Current*} keys echo the request ({@code CurrentPageSize}
 * even on a shorter last page); {@code FirstItem} and {@code LastItem} count from 1, and
 * are 0 on an empty page.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({ "Records", "CurrentPage", "CurrentPageSize", "CurrentOrderField", "CurrentSortDirection",
		"FirstItem", "LastItem", "TotalItems", "TotalPages", "HasNextPage", "HasPreviousPage", "PageNumber",
		"PageSize" })
public record ListPage<R>(@JsonProperty("Records") List<R> records, @JsonProperty("CurrentPage") int currentPage,
		@JsonProperty("CurrentPageSize") int currentPageSize,
		@JsonProperty("CurrentOrderField") String currentOrderField,
		@JsonProperty("CurrentSortDirection") int currentSortDirection, @JsonProperty("FirstItem") long firstItem,
		@JsonProperty("LastItem") long lastItem, @JsonProperty("TotalItems") long totalItems,
		@JsonProperty("TotalPages") long totalPages, @JsonProperty("HasNextPage") boolean hasNextPage,
		@JsonProperty("HasPreviousPage") boolean hasPreviousPage, @JsonProperty("PageNumber") int pageNumber,
		@JsonProperty("PageSize") int pageSize) {

	static <R> ListPage<R> of(List<R> records, ListQuery query, long totalItems) {
		long offset = (long) (query.page() - 1) * query.size();
		long totalPages = (totalItems + query.size() - 1) / query.size();
		long firstItem = records.isEmpty() ? 0 : offset + 1;
		long lastItem = records.isEmpty() ? 0 : offset + records.size();
		return new ListPage<>(List.copyOf(records), query.page(), query.size(), query.orderBy().wireName(),
				query.direction(), firstItem, lastItem, totalItems, totalPages, query.page() < totalPages,
				query.page() > 1, query.page(), query.size());
	}

}
