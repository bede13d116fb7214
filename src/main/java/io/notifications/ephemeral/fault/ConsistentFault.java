package io.notifications.ephemeral.fault;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.notifications.web.ErrorItem;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * The rules that tie a fault's properties to each other, each reported on the dependent
 * property: one of Path and PathPrefix, a DelayMs with Delay and only there, a
 * RetryAfterSeconds only with the effects that send one.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentFault.Validator.class)
@interface ConsistentFault {

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link ConsistentFault}. */
	class Validator implements ConstraintValidator<ConsistentFault, FaultRequest> {

		@Override
		public boolean isValid(FaultRequest request, ConstraintValidatorContext context) {
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if (request.path() != null && request.pathPrefix() != null) {
				valid = fail(context, "cannot be given with Path", "pathPrefix");
			}
			if (request.effect() == Effect.DELAY && request.delayMs() == null) {
				valid = fail(context, ErrorItem.REQUIRED, "delayMs");
			}
			if (request.effect() != null && request.effect() != Effect.DELAY && request.delayMs() != null) {
				valid = fail(context, "is allowed only with the Delay effect", "delayMs");
			}
			if (request.effect() != null && !request.effect().retriesAfter() && request.retryAfterSeconds() != null) {
				valid = fail(context, "is allowed only with the RateLimited and Unavailable effects",
						"retryAfterSeconds");
			}
			return valid;
		}

		private static boolean fail(ConstraintValidatorContext context, String message, String property) {
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(property).addConstraintViolation();
			return false;
		}

	}

}
