package io.notifications.connection;

import java.util.EnumSet;

import io.notifications.web.EnvelopeWriter;
import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers the {@link BodyReadingFilter} ahead of every other filter (security included), for the
 * client's request only: the dispatch that it starts once the body is in runs the other filters.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfig {

	@Bean
	FilterRegistrationBean<BodyReadingFilter> bodyReadingFilter(ConnectionProperties properties, EnvelopeWriter writer) {
		FilterRegistrationBean<BodyReadingFilter> registration = new FilterRegistrationBean<>(
				new BodyReadingFilter(properties, writer));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
		registration.setAsyncSupported(true);
		return registration;
	}

}
