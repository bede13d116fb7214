package io.notifications.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs an {@link ApiTestSupport} test class against a real PostgreSQL database instead of
 * H2: annotate an empty subclass of it. All such classes share one application context
 * and one fresh database on the {@link PostgresServer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = PostgresDatabaseInitializer.class)
public @interface OnPostgres {

}
