package io.notifications.ephemeral;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.notifications.web.ErrorItem;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * What {@code POST /ephemeral/clock} takes: the time to stop the clock at, or how far to
 * move it, and not both. A misspelt name is refused, not left out. AdvanceSeconds comes
 * first, as its errors do: a value that is not a whole number is why Now is missing.
 */
@ClockRequest.OneOf
@JsonIgnoreProperties(ignoreUnknown = false)
record ClockRequest(@JsonProperty("AdvanceSeconds") Long advanceSeconds, @JsonProperty("Now") Instant now) {

	/** Exactly one of Now and AdvanceSeconds. */
	@Documented
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Constraint(validatedBy = OneOf.Validator.class)
	@interface OneOf {

		String message() default "";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

		/** Checks {@link OneOf}. */
		class Validator implements ConstraintValidator<OneOf, ClockRequest> {

			@Override
			public boolean isValid(ClockRequest request, ConstraintValidatorContext context) {
				if ((request.now() == null) == (request.advanceSeconds() == null)) {
					context.disableDefaultConstraintViolation();
					boolean neither = request.now() == null;
					context
						.buildConstraintViolationWithTemplate(neither ? ErrorItem.REQUIRED : "cannot be given with Now")
						.addPropertyNode(neither ? "now" : "advanceSeconds")
						.addConstraintViolation();
					return false;
				}
				return true;
			}

		}

	}

}
