package io.notifications.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code {Resource}-{Action}} of the handler's {@link ApiResource}; the security chain
 * grants the handler's routes to that role alone (and the Administrator).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Needs {

	Action value();

}
