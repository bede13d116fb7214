package io.notifications.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.notifications.database.GroupCommit;
import io.notifications.idempotency.IdempotencyKeys;
import io.notifications.resource.RecordWrites;
import io.notifications.resource.ResourceController;
import io.notifications.resource.ResourceRepository;
import io.notifications.resource.ResourceServices;
import io.notifications.web.EnvelopeWriter;
import io.notifications.web.RequestBinder;
import io.notifications.web.RequestBodies;
import org.mockito.Mockito;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockReset;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A web slice of the resources, in milliseconds a request: every resource controller, the
 * real security filter chain, the wire format's binding, validation and envelopes, over
 * MockMvc. No database: every resource repository is a Mockito mock
 * ({@link RepositoryMocks}), as are the single-statement writes, the Idempotency-Keys and
 * the JWT decoder (tests send post-processed JWTs or Basic credentials of the test
 * profile's users).
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(useDefaultFilters = false,
		includeFilters = {
				@Filter(type = FilterType.ASSIGNABLE_TYPE,
						classes = { ResourceController.class, WebMvcConfigurer.class }),
				@Filter(type = FilterType.ANNOTATION, classes = ControllerAdvice.class),
				@Filter(type = FilterType.REGEX,
						pattern = "io\\.notifications\\.security\\.(SecurityConfig|UserStore|SecondFactor)") })
@ActiveProfiles("test")
@Import(ResourceWebSlice.Collaborators.class)
@MockitoBean(types = { RecordWrites.class, IdempotencyKeys.class, JwtDecoder.class, UsedSteps.class,
		PlatformTransactionManager.class, EntityManagerFactory.class })
public @interface ResourceWebSlice {

	/** What the resource controllers need besides the mocks. */
	@TestConfiguration(proxyBeanMethods = false)
	@Import({ EnvelopeWriter.class, RequestBodies.class, RequestBinder.class, ResourceServices.class })
	@EnableConfigurationProperties(SecurityProperties.class)
	class Collaborators {

		/** Writes run as they come, without a database to share a commit. */
		@Bean
		GroupCommit groupCommit() {
			return new GroupCommit(TransactionOperations.withoutTransaction(), false);
		}

		@Bean
		static RepositoryMocks repositoryMocks() {
			return new RepositoryMocks();
		}

	}

	/**
	 * A Mockito mock of every interface that extends {@link ResourceRepository}, as a
	 * bean.
	 */
	class RepositoryMocks implements BeanDefinitionRegistryPostProcessor {

		@Override
		public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
			ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(
					false) {
				@Override
				protected boolean isCandidateComponent(
						org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
					return definition.getMetadata().isInterface();
				}
			};
			scanner.addIncludeFilter(new AssignableTypeFilter(ResourceRepository.class));
			for (BeanDefinition candidate : scanner.findCandidateComponents("io.notifications")) {
				Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
				if (type != ResourceRepository.class) {
					registry.registerBeanDefinition(type.getName(), mock(type));
				}
			}
		}

		private static <T> RootBeanDefinition mock(Class<T> type) {
			// reset after each test, as Spring resets its @MockitoBean mocks
			return new RootBeanDefinition(type, () -> Mockito.mock(type, MockReset.withSettings(MockReset.AFTER)));
		}

	}

}
