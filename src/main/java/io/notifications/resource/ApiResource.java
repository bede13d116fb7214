package io.notifications.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Nexudus resource on its controller, beside the controller's
 * {@code @RequestMapping} (the resource's base path). The controller extends
 * {@link ResourceController}, whose handlers carry the routes and the {@link Needs
 * roles}; from these two, the security rules, the OpenAPI entry and the role-matrix tests
 * are derived.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiResource {

	/**
	 * Nexudus's name of the resource, e.g. {@code CoworkerNotification}: the prefix of
	 * its roles ({@code CoworkerNotification-Edit}) and of its list filters.
	 */
	String name();

	/**
	 * More names of list fields, as {@code Alias=WireName}, e.g. Nexudus's
	 * {@code Coworker=CoworkerId}.
	 */
	String[] filterAliases() default {};

	/**
	 * The writable fields of an example record as JSON members, without braces and
	 * without {@code Id}: the OpenAPI document's examples and the bodies the derived
	 * tests send.
	 */
	String example();

}
