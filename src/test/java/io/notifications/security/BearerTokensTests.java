package io.notifications.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link BearerTokens} answers every Authorization header as Spring's resolver does. */
class BearerTokensTests {

	static final BearerTokenResolver SPRING = new DefaultBearerTokenResolver();

	static final BearerTokenResolver OURS = new BearerTokens();

	@Test
	void chosenHeadersAreResolvedAsSpringResolvesThem() {
		List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc", "bEaReR a.b-c_d~e+f/g",
				"Bearer abc=", "Bearer abc==", "Bearer abc=d", "Bearer =", "Bearer ", "Bearer", "Bearer  abc",
				"Bearer a b", "Bearer abc ", "Bearer abc\n", "Bearer\tabc", "Bearerabc", "bearerx abc", "Basic Og==",
				"", "Bearer ab\u00e9c", "\u017fearer abc", "Bearer abc\u212a", "Bearer eyJ.eyJ.c2ln", "Token abc"));
		headers.add(null);
		for (String header : headers) {
			assertSameAnswer(header);
		}
	}

	@Test
	void randomHeadersAreResolvedAsSpringResolvesThem() {
		String alphabet = "Bbearr EAR=abcXYZ019-._~+/ \t\n=,;\u00e9\u017f\u212a";
		Random random = new Random(20261127);
		for (int n = 0; n < 20_000; n++) {
			StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
			int length = random.nextInt(12);
			for (int i = 0; i < length; i++) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			assertSameAnswer(header.toString());
		}
	}

	private static void assertSameAnswer(String header) {
		assertThat(answer(OURS, header)).as("[%s]", header).isEqualTo(answer(SPRING, header));
	}

	private static String answer(BearerTokenResolver resolver, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/spaces/coworkernotifications/1");
		if (header != null) {
			request.addHeader("Authorization", header);
		}
		try {
			return "token:" + resolver.resolve(request);
		}
		catch (OAuth2AuthenticationException ex) {
			return "error:" + ex.getError().getErrorCode() + ":" + ex.getError().getDescription();
		}
	}

}
