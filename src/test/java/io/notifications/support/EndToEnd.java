package io.notifications.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test of the whole server: it starts one (on a port of this JVM, or as a process of
 * its own) and talks to it over real sockets, or starts PostgreSQL. These run in the
 * integration-test phase of {@code ./mvnw verify} (failsafe); {@code ./mvnw test} runs
 * the unit and slice tests.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(EndToEnd.TAG)
public @interface EndToEnd {

	String TAG = "end-to-end";

}
