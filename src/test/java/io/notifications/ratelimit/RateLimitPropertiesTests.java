package io.notifications.ratelimit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code notifications.rate-limit.*}: Nexudus's limits by default, and limits that cannot
 * work refused at start-up.
 */
class RateLimitPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
				ValidationAutoConfiguration.class))
		.withUserConfiguration(Properties.class);

	@Test
	void defaultsAreNexudusLimits() {
		this.runner.run((context) -> assertThat(context.getBean(RateLimitProperties.class))
			.isEqualTo(new RateLimitProperties(true, 60, 120, 5000, 5000, 200000)));
	}

	@Test
	void zeroOrNegativeLimitsAreRefused() {
		for (String property : new String[] { "notifications.rate-limit.writes-per-minute=0",
				"notifications.rate-limit.requests-per-minute=-1", "notifications.rate-limit.writes-per-day=0",
				"notifications.rate-limit.requests-per-hour=0", "notifications.rate-limit.requests-per-day=-5" }) {
			this.runner.withPropertyValues(property).run((context) -> assertThat(context).hasFailed());
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RateLimitProperties.class)
	static class Properties {

	}

}
