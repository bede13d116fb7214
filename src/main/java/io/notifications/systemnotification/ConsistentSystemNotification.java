package io.notifications.systemnotification;

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

/** Each rule is reported on the later or dependent property. */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ConsistentSystemNotification.Validator.class)
@interface ConsistentSystemNotification {

	String message() default "";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<ConsistentSystemNotification, SystemNotificationRequest> {

		static final String UN_PUBLISH_TOO_EARLY = "must be later than PublishOn";

		@Override
		public boolean isValid(SystemNotificationRequest request, ConstraintValidatorContext context) {
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if (request.publishOn() != null && request.unPublishOn() != null
					&& !request.unPublishOn().isAfter(request.publishOn())) {
				valid = fail(context, UN_PUBLISH_TOO_EARLY, "unPublishOn");
			}
			if (Boolean.TRUE.equals(request.hasButton())) {
				if (isBlank(request.buttonLabel())) {
					valid = fail(context, ErrorItem.REQUIRED, "buttonLabel");
				}
				if (isBlank(request.buttonUrl())) {
					valid = fail(context, ErrorItem.REQUIRED, "buttonUrl");
				}
			}
			return valid;
		}

		private static boolean isBlank(String value) {
			return value == null || value.isBlank();
		}

		private static boolean fail(ConstraintValidatorContext context, String message, String property) {
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(property).addConstraintViolation();
			return false;
		}

	}

}
