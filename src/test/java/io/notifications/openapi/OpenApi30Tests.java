package io.notifications.openapi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The 3.1 forms {@link OpenApi30} rewrites, each as 3.0 writes it, wherever a schema
 * stands; examples and extensions are data and stay as they are.
 */
class OpenApi30Tests {

	@Test
	void theVersionAndWhat30HasNoPlaceFor() {
		assertThat(OpenApi30.convert("""
				{"openapi":"3.1.0","jsonSchemaDialect":"https://spec.openapis.org/oas/3.1/dialect/base",\
				"info":{"title":"T","version":"1","summary":"S","license":{"name":"L","identifier":"MIT"}},\
				"paths":{},"webhooks":{}}""")).isEqualTo("""
				{"openapi":"3.0.3","info":{"title":"T","version":"1","license":{"name":"L"}},"paths":{}}""");
	}

	@Test
	void aTypeArrayWithNullIsTheTypeAndNullable() {
		assertThat(schema("""
				{"type":["string","null"],"format":"date-time","enum":["a",null]}""")).isEqualTo("""
				{"type":"string","format":"date-time","enum":["a",null],"nullable":true}""");
		assertThat(schema("""
				{"type":["integer"]}""")).isEqualTo("""
				{"type":"integer"}""");
	}

	@Test
	void constExamplesAndExclusiveBounds() {
		assertThat(schema("""
				{"const":"bearer"}""")).isEqualTo("""
				{"enum":["bearer"]}""");
		assertThat(schema("""
				{"type":"string","examples":["first","second"]}""")).isEqualTo("""
				{"type":"string","example":"first"}""");
		assertThat(schema("""
				{"type":"integer","exclusiveMinimum":0,"exclusiveMaximum":10}""")).isEqualTo("""
				{"type":"integer","exclusiveMinimum":true,"exclusiveMaximum":true,"minimum":0,"maximum":10}""");
		// the stricter bound is kept
		assertThat(schema("""
				{"type":"integer","minimum":5,"exclusiveMinimum":0}""")).isEqualTo("""
				{"type":"integer","minimum":5}""");
		assertThat(schema("""
				{"type":"integer","maximum":10,"exclusiveMaximum":3}""")).isEqualTo("""
				{"type":"integer","maximum":3,"exclusiveMaximum":true}""");
	}

	@Test
	void everySchemaIsRewrittenWhereverItStands() {
		String converted = OpenApi30.convert("""
				{"openapi":"3.1.0","paths":{"/x":{"get":{"parameters":[{"name":"q","in":"query",\
				"schema":{"type":["string","null"]}}],"responses":{"200":{"description":"OK",\
				"headers":{"H":{"schema":{"type":["integer","null"]}}},\
				"content":{"application/json":{"schema":{"oneOf":[{"type":"array","items":{"type":["string","null"]}},\
				{"type":"object","properties":{"a":{"type":["object","null"],"additionalProperties":\
				{"type":["boolean","null"]}}}}]},"examples":{"e":{"value":{"type":["kept","as","data"]}}}}}}}}}},\
				"components":{"schemas":{"S":{"allOf":[{"not":{"type":["number","null"]}}],\
				"x-note":{"type":["kept"]}}}}}""");

		assertThat(converted).doesNotContain("\"type\":[\"string\"", "\"type\":[\"integer\"", "\"type\":[\"object\"",
				"\"type\":[\"boolean\"", "\"type\":[\"number\"");
		assertThat(converted).contains("\"value\":{\"type\":[\"kept\",\"as\",\"data\"]}")
			.contains("\"x-note\":{\"type\":[\"kept\"]}");
	}

	@Test
	void whatHasNo30FormFailsTheRenderingRatherThanBeDropped() {
		assertThatIllegalStateException().isThrownBy(() -> schema("""
				{"type":["string","integer"]}""")).withMessageContaining("No OpenAPI 3.0 form");
		assertThatIllegalStateException().isThrownBy(() -> schema("""
				{"type":"array","prefixItems":[{"type":"string"}]}""")).withMessageContaining("prefixItems");
		assertThatIllegalStateException().isThrownBy(() -> OpenApi30.convert("""
				{"openapi":"3.1.0","paths":{},"webhooks":{"w":{}}}""")).withMessageContaining("webhooks");
	}

	/** A schema of components/schemas, rendered. */
	private static String schema(String schema) {
		String converted = OpenApi30.convert("""
				{"openapi":"3.1.0","paths":{},"components":{"schemas":{"S":%s}}}""".formatted(schema));
		String prefix = "{\"openapi\":\"3.0.3\",\"paths\":{},\"components\":{\"schemas\":{\"S\":";
		assertThat(converted).startsWith(prefix).endsWith("}}}");
		return converted.substring(prefix.length(), converted.length() - 3);
	}

}
