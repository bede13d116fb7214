package io.notifications.security;

import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link HeaderCharacters} decides every code point as the expressions of Spring
 * Security's {@link StrictHttpFirewall} do (copied here from its source, 7.1), alone and
 * inside other text.
 */
class HeaderCharactersTests {

	static final Pattern NAMES_AND_PARAMETERS = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	static final Pattern HEADER_VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void everyCodePointIsDecidedAsByTheFirewallsExpressions() {
		int refused = 0;
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String alone = Character.toString(codePoint);
			String inText = "Bearer a" + alone + "b";
			refused += agree(HeaderCharacters.ASSIGNED_AND_NOT_CONTROL, NAMES_AND_PARAMETERS, alone, inText);
			agree(HeaderCharacters.HEADER_VALUE, HEADER_VALUES, alone, inText);
		}
		// control characters and unassigned code points: the loop above saw both outcomes
		assertThat(refused).isGreaterThan(1000);
	}

	@Test
	void loneAndReversedSurrogatesAreDecidedAsByTheExpressions() {
		for (String text : new String[] { "\uD800", "a\uDC00b", "\uDC00\uD800", "\uD83D\uDE00", "\uD83D", "" }) {
			agree(HeaderCharacters.ASSIGNED_AND_NOT_CONTROL, NAMES_AND_PARAMETERS, text, text + "x");
			agree(HeaderCharacters.HEADER_VALUE, HEADER_VALUES, text, "x" + text);
		}
	}

	@Test
	void theFirewallRefusesAControlCharacterInAHeaderValueAndAcceptsATab() {
		StrictHttpFirewall firewall = HeaderCharacters.firewall();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/spaces/coworkernotifications");
		request.addHeader("X-Tab", "a\tb");
		request.addHeader("X-Bell", "a\u0007b");

		assertThat(firewall.getFirewalledRequest(request).getHeader("X-Tab")).isEqualTo("a\tb");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> firewall.getFirewalledRequest(request).getHeader("X-Bell"));
	}

	@Test
	void theFirewallDecidesParametersAsSpringsDefaultFirewallDoes() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/spaces/coworkernotifications");
		request.addParameter("Message", "two\nlines\u0007");
		request.addParameter("Bad\u0007Name", "x");

		for (StrictHttpFirewall firewall : new StrictHttpFirewall[] { new StrictHttpFirewall(),
				HeaderCharacters.firewall() }) {
			assertThat(firewall.getFirewalledRequest(request).getParameter("Message")).isEqualTo("two\nlines\u0007");
			assertThatExceptionOfType(RequestRejectedException.class)
				.isThrownBy(() -> firewall.getFirewalledRequest(request).getParameter("Bad\u0007Name"));
		}
	}

	private static int agree(Predicate<String> loop, Pattern expression, String... texts) {
		int refused = 0;
		for (String text : texts) {
			boolean expected = expression.matcher(text).matches();
			// described lazily: a million code points go through here
			assertThat(loop.test(text))
				.as(() -> "%s on %s".formatted(expression,
						text.codePoints().mapToObj((c) -> "U+%04X".formatted(c)).toList()))
				.isEqualTo(expected);
			refused += expected ? 0 : 1;
		}
		return refused;
	}

}
