package io.notifications.ephemeral.journal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets of the token endpoints' bodies become {@code ***} and nothing else changes,
 * whatever the body's shape.
 */
class CredentialsTests {

	@Test
	void jsonKeepsEverythingButTheSecretsValues() {
		assertThat(Credentials.redactJson("""
				{ "username" : "a@example.com",\n "PASSWORD": "p\\"w", "totp":123456, "client_secret":{"x":[1]},\
				"nested":{"token":"t"}, "refresh_token":null }""")).isEqualTo("""
				{ "username" : "a@example.com",\n "PASSWORD": "***", "totp":"***", "client_secret":"***",\
				"nested":{"token":"***"}, "refresh_token":"***" }""");
	}

	@Test
	void jsonThatCannotBeReadIsKeptOnlyUpToWhereItStopsMakingSense() {
		assertThat(Credentials.redactJson("{\"password\":\"unterminated")).isEqualTo("{\"password\":***");
		assertThat(Credentials.redactJson("{\"user\":\"a\" \"password\":\"p\"}")).isEqualTo("{\"user\":***");
		assertThat(Credentials.redactJson("password=p")).isEqualTo("***");
		assertThat(Credentials.redactJson("")).isEmpty();
	}

	@Test
	void formsAndQueriesKeepTheirOtherFieldsAsSent() {
		assertThat(Credentials.redactForm("grant_type=password&username=a%40example.com&pass%77ord=p%26w&&totp"))
			.isEqualTo("grant_type=password&username=a%40example.com&pass%77ord=***&&totp=***");
		assertThat(Credentials.redact("Token=abc", "application/x-www-form-urlencoded; charset=UTF-8"))
			.isEqualTo("Token=***");
		assertThat(Credentials.redact("{\"token\":\"abc\"}", "application/json")).isEqualTo("{\"token\":\"***\"}");
		assertThat(Credentials.redact("token=abc", "not a media type")).isEqualTo("***");
	}

}
