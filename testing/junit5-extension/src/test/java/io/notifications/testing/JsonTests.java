package io.notifications.testing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JsonTests {

	@Test
	void readsEveryKindOfValue() {
		Object value = Json.parse(" {\"a\": [1, -2.5, 3e2, true, false, null, \"x\"], \"b\": {}, \"c\": []} ");
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("a", Arrays.asList(1L, -2.5, 300.0, true, false, null, "x"));
		expected.put("b", Map.of());
		expected.put("c", List.of());
		assertEquals(expected, value);
	}

	@Test
	void readsEscapes() {
		assertEquals("a\"b\\c/d\b\f\n\r\té\uD83D\uDE00", Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""));
	}

	@Test
	void keepsTheOrderOfProperties() {
		@SuppressWarnings("unchecked")
		Map<String, Object> object = (Map<String, Object>) Json.parse("{\"z\":1,\"a\":2,\"m\":3}");
		assertEquals(List.of("z", "a", "m"), List.copyOf(object.keySet()));
	}

	@Test
	void readsLargeIntegersAsDoubles() {
		assertEquals(9223372036854775807L, Json.parse("9223372036854775807"));
		assertEquals(1e19, Json.parse("10000000000000000000"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "{", "{\"a\":1,}", "[1,]", "{\"a\":1}x", "{\"a\":1,\"a\":2}", "01", "1.", "-", "tru",
			"\"\\x\"", "\"a", "{a:1}", "[1 2]", "\"\u0001\"", "NaN" })
	void rejectsWhatIsNotJson(String text) {
		assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
	}

	@Test
	void writesCompactly() {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("Method", "PUT");
		object.put("Times", 2);
		object.put("Probability", 0.5);
		object.put("Caller", null);
		object.put("Fixed", true);
		object.put("List", List.of(1L, "two"));
		assertEquals("{\"Method\":\"PUT\",\"Times\":2,\"Probability\":0.5,\"Caller\":null,\"Fixed\":true,\"List\":[1,\"two\"]}",
				Json.write(object));
	}

	@Test
	void writesEscapes() {
		assertEquals("\"a\\\"b\\\\c\\n\\u0001é\"", Json.write("a\"b\\c\n\u0001é"));
	}

	@Test
	void roundTrips() {
		String text = "{\"Records\":[{\"Sequence\":1,\"Body\":\"{\\\"Id\\\":7}\",\"Fault\":null}],\"TotalItems\":1}";
		assertEquals(text, Json.write(Json.parse(text)));
	}

	@Test
	void refusesNaN() {
		assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
	}

	@Test
	void readsNull() {
		assertNull(Json.parse("null"));
	}

}
