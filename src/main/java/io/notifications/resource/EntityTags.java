package io.notifications.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;

import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;

/**
 * A strong validator {@code "<id>-<version>"}, checked by a replacement or deletion in
 * the same statement as it writes.
 */
final class EntityTags {

	private static final Pattern OURS = Pattern.compile("(\\d+)-(\\d+)");

	/** RFC 9110's {@code "*" / #entity-tag}. */
	private static final Pattern CONDITION = Pattern
		.compile("\\*|(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"(\\s*,\\s*(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\")*");

	private EntityTags() {
	}

	static String of(int id, long version) {
		return "\"" + id + "-" + version + "\"";
	}

	/** A write's conditions, each null when the request sends none. */
	static Conditions conditions(HttpServletRequest request) {
		IfMatch ifMatch = parsed(request, HttpHeaders.IF_MATCH, IfMatch::new);
		return new Conditions(ifMatch, parsed(request, HttpHeaders.IF_NONE_MATCH, IfNoneMatch::new));
	}

	private static <C> C parsed(HttpServletRequest request, String header,
			BiFunction<String, List<ETag>, C> condition) {
		List<String> lines = condition(request, header);
		if (lines.isEmpty()) {
			return null;
		}
		List<ETag> tags = new ArrayList<>();
		lines.forEach((line) -> tags.addAll(ETag.parse(line)));
		return condition.apply(String.join(", ", lines), tags);
	}

	/**
	 * An empty or malformed condition is a 400 naming the header. Several lines are one
	 * list (RFC 9110 section 5.3), so a {@code *} beside a tag is malformed on two lines
	 * as on one.
	 */
	private static List<String> condition(HttpServletRequest request, String header) {
		List<String> lines = Collections.list(request.getHeaders(header));
		for (String line : lines) {
			if (!CONDITION.matcher(line.strip()).matches()) {
				throw new InvalidRequestException(new ErrorItem(line, ErrorItem.NOT_VALID, header));
			}
		}
		String list = String.join(", ", lines);
		if (lines.size() > 1 && !CONDITION.matcher(list).matches()) {
			throw new InvalidRequestException(new ErrorItem(list, ErrorItem.NOT_VALID, header));
		}
		return lines;
	}

	/** Evaluated in RFC 9110 section 13.2.2's order: {@code If-Match} first. */
	record Conditions(IfMatch ifMatch, IfNoneMatch ifNoneMatch) {

	}

	/**
	 * {@code If-None-Match} on a write (RFC 9110 section 13.1.2): refused while the
	 * record has a version it names, compared weakly, or any version for {@code *}.
	 *
	 * @param sent the header as the client sent it
	 */
	record IfNoneMatch(String sent, List<ETag> tags) {

		boolean matches(int id, long version) {
			String current = id + "-" + version;
			return this.tags.stream().anyMatch((tag) -> tag.isWildcard() || tag.tag().equals(current));
		}

		boolean any() {
			return this.tags.stream().anyMatch(ETag::isWildcard);
		}

	}

	/**
	 * @param sent the header as the client sent it
	 */
	record IfMatch(String sent, List<ETag> tags) {

		/** The one version a record was found with, to write only while it has it. */
		static IfMatch current(int id, long version) {
			String tag = of(id, version);
			return new IfMatch(tag, ETag.parse(tag));
		}

		/** {@code If-Match: *}: any version of an existing record. */
		boolean any() {
			return this.tags.stream().anyMatch(ETag::isWildcard);
		}

		/** Names this version of the record, or any ({@code *}). */
		boolean allows(int id, long version) {
			return any() || versionsOf(id).contains(version);
		}

		/**
		 * If-Match compares strongly, so a weak tag names no version; nor does a tag of
		 * another record or one this server never made.
		 */
		List<Long> versionsOf(int id) {
			List<Long> versions = new ArrayList<>();
			for (ETag tag : this.tags) {
				Matcher ours = OURS.matcher(tag.tag());
				if (!tag.weak() && ours.matches() && ours.group(1).equals(String.valueOf(id))) {
					try {
						versions.add(Long.parseLong(ours.group(2)));
					}
					catch (NumberFormatException ex) {
						// longer than any version: matches none
					}
				}
			}
			return versions;
		}

	}

}
