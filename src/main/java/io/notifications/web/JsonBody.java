package io.notifications.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a request record from the JSON body with Nexudus's rules (see {@link RequestBinder}) and
 * validates it, reporting every failing property at once instead of failing on the first.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface JsonBody {

	/** Bean Validation groups to check besides the default group. */
	Class<?>[] groups() default {};

	/**
	 * Wire names of properties to ignore, whatever they hold, as a create ignores the {@code Id}
	 * that the server assigns.
	 */
	String[] ignored() default {};

}
