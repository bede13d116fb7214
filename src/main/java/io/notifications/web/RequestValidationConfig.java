package io.notifications.web;

import java.lang.annotation.ElementType;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;

import org.springframework.boot.validation.autoconfigure.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The validator checks request bodies, which are plain records, never JPA entities. With
 * JPA on the class path Hibernate Validator asks JPA, for every property of every
 * request, whether it is loaded, and looks the persistence provider up each time; here
 * every property is reachable, as without JPA.
 */
@Configuration(proxyBeanMethods = false)
class RequestValidationConfig {

	@Bean
	ValidationConfigurationCustomizer everyPropertyReachable() {
		return (configuration) -> configuration.traversableResolver(new EveryPropertyReachable());
	}

	private static final class EveryPropertyReachable implements TraversableResolver {

		@Override
		public boolean isReachable(Object object, Path.Node property, Class<?> rootType, Path pathToProperty,
				ElementType elementType) {
			return true;
		}

		@Override
		public boolean isCascadable(Object object, Path.Node property, Class<?> rootType, Path pathToProperty,
				ElementType elementType) {
			return true;
		}

	}

}
