package io.notifications.resource;

import io.notifications.web.InvalidRequestException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@code If-Match} and {@code If-None-Match} are read into versions, without a
 * server: {@code ConditionalRequestsTests} shows what a write does with them over HTTP.
 */
class EntityTagsTests {

	@Test
	void ourTagIsTheIdAndTheVersionQuoted() {
		assertThat(EntityTags.of(5, 2)).isEqualTo("\"5-2\"");
	}

	@Test
	void withoutTheHeadersThereIsNoCondition() {
		EntityTags.Conditions conditions = EntityTags.conditions(request());

		assertThat(conditions.ifMatch()).isNull();
		assertThat(conditions.ifNoneMatch()).isNull();
	}

	/**
	 * Strong tags of this record only, over every line: a weak tag, another record's, one
	 * this server never made ({@code "abc"}) or a version past a long names nothing.
	 */
	@Test
	void ifMatchNamesTheVersionsOfStrongTagsOfThisRecord() {
		MockHttpServletRequest request = request();
		request.addHeader("If-Match", "\"5-2\", \"abc\", W/\"5-3\", \"6-4\", \"5-99999999999999999999\"");
		request.addHeader("If-Match", "\"5-7\"");

		EntityTags.IfMatch ifMatch = EntityTags.conditions(request).ifMatch();

		assertThat(ifMatch.versionsOf(5)).containsExactly(2L, 7L);
		assertThat(ifMatch.versionsOf(6)).containsExactly(4L);
		assertThat(ifMatch.any()).isFalse();
		assertThat(ifMatch.allows(5, 7)).isTrue();
		assertThat(ifMatch.allows(5, 3)).isFalse();
		assertThat(ifMatch.sent())
			.isEqualTo("\"5-2\", \"abc\", W/\"5-3\", \"6-4\", \"5-99999999999999999999\", \"5-7\"");
		MockHttpServletRequest star = request();
		star.addHeader("If-Match", "*");
		assertThat(EntityTags.conditions(star).ifMatch().any()).isTrue();
		assertThat(EntityTags.conditions(star).ifMatch().allows(5, 3)).isTrue();
	}

	@Test
	void ifNoneMatchComparesWeaklyAndAStarMatchesAnyVersion() {
		MockHttpServletRequest request = request();
		request.addHeader("If-None-Match", "W/\"5-2\"");

		EntityTags.IfNoneMatch ifNoneMatch = EntityTags.conditions(request).ifNoneMatch();

		assertThat(ifNoneMatch.matches(5, 2)).isTrue();
		assertThat(ifNoneMatch.matches(5, 3)).isFalse();
		assertThat(ifNoneMatch.matches(6, 2)).isFalse();
		MockHttpServletRequest star = request();
		star.addHeader("If-None-Match", " * ");
		assertThat(EntityTags.conditions(star).ifNoneMatch().matches(1, 1)).isTrue();
		assertThat(EntityTags.conditions(star).ifNoneMatch().any()).isTrue();
		assertThat(ifNoneMatch.any()).isFalse();
	}

	@Test
	void aMalformedConditionOrAStarBesideATagIsRefused() {
		for (String[] lines : new String[][] { { "5-2" }, { "" }, { "*, \"5-2\"" }, { "*", "\"5-2\"" } }) {
			MockHttpServletRequest request = request();
			for (String line : lines) {
				request.addHeader("If-Match", line);
			}
			assertThatExceptionOfType(InvalidRequestException.class).as(String.join(" / ", lines))
				.isThrownBy(() -> EntityTags.conditions(request));
		}
	}

	private static MockHttpServletRequest request() {
		return new MockHttpServletRequest("PUT", "/api/spaces/coworkernotifications");
	}

}
