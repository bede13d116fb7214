package io.notifications;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A self-hostable replica of the Nexudus CoworkerNotification and SystemNotification API.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class NotificationsApplication {

	/**
	 * Everything the server tells the time by; ephemeral mode's is steered by the tests.
	 */
	@Bean
	@Profile("!ephemeral")
	Clock clock() {
		return Clock.systemUTC();
	}

	public static void main(String[] args) {
		SpringApplication.run(NotificationsApplication.class, args);
	}

}
