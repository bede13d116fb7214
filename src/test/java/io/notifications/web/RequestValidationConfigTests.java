package io.notifications.web;

import io.notifications.support.ApiTestSupport;
import jakarta.validation.TraversableResolver;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's validator checks request records without asking JPA whether their
 * properties are loaded (Hibernate Validator's default when JPA is on the class path,
 * which looks the persistence provider up for every property of every request).
 */
class RequestValidationConfigTests extends ApiTestSupport {

	@Autowired
	ValidatorFactory validators;

	@Test
	void everyPropertyIsReachableWithoutAskingJpa() {
		TraversableResolver resolver = this.validators.getTraversableResolver();

		assertThat(resolver.getClass().getName()).doesNotContain("org.hibernate.validator");
		assertThat(resolver.isReachable(new Object(), null, Object.class, null, null)).isTrue();
		assertThat(resolver.isCascadable(new Object(), null, Object.class, null, null)).isTrue();
	}

}
