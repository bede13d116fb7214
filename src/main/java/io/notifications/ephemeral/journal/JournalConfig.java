package io.notifications.ephemeral.journal;

import java.time.Clock;
import java.util.EnumSet;

import io.notifications.ephemeral.EphemeralProperties;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;

/**
 * The journal and its filter, in ephemeral mode only: a server in any other mode does no
 * journal work at all.
 */
@Configuration(proxyBeanMethods = false)
@Profile(EphemeralProperties.PROFILE)
class JournalConfig {

	@Bean
	RequestJournal requestJournal(EphemeralProperties properties) {
		return new RequestJournal(properties.journal().size(), properties.journal().text());
	}

	/**
	 * Right after the connection's filter (and the reset's refusals, which are not
	 * recorded), on the request's own dispatch and on the one that hands on a body
	 * received later.
	 */
	@Bean
	FilterRegistrationBean<JournalFilter> journalFilter(RequestJournal journal, Clock clock) {
		FilterRegistrationBean<JournalFilter> registration = new FilterRegistrationBean<>(
				new JournalFilter(journal, clock));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
		registration.setAsyncSupported(true);
		return registration;
	}

}
