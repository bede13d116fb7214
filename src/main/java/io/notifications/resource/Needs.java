package io.notifications.resource;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a resource's handler needs: {@code {Resource}-{Action}} of the
 * {@link ApiResource} it serves (the Administrator may do everything). The security chain
 * grants each route of such a handler to that role and nothing else.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Needs {

	Action value();

}
