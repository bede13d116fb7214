package io.notifications.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler parameter read from a JSON or form body with Nexudus's rules, every failing
 * property reported at once in the envelope.
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface WireBody {

	/** Wire names left unset whatever the body holds (a create's {@code Id}). */
	String[] ignore() default {};

	/** Bean Validation groups to check besides the default group. */
	Class<?>[] groups() default {};

}
