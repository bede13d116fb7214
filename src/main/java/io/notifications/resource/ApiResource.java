package io.notifications.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Nexudus resource on its controller, beside its {@code @RequestMapping} base
 * path. The security rules, the OpenAPI entry and the role-matrix tests derive from it
 * and the handlers' {@link Needs}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiResource {

	/**
	 * Nexudus's name, e.g. {@code CoworkerNotification}: the prefix of its roles and list
	 * filters.
	 */
	String name();

	/** As {@code Alias=WireName}, e.g. Nexudus's {@code Coworker=CoworkerId}. */
	String[] filterAliases() default {};

	/**
	 * An example's writable fields as JSON members, without braces or {@code Id}: the
	 * OpenAPI examples and the bodies the derived tests send.
	 */
	String example();

}
