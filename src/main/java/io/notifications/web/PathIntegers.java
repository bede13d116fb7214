package io.notifications.web;

import java.beans.PropertyEditorSupport;

import io.notifications.value.WireValues;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * An integer bound from a request, such as a record's Id in a path, is read as in a body
 * ({@link WireValues}): ASCII digits alone. Spring's own number editor, its fallback when
 * a conversion fails, reads {@code 0x26}, {@code #26}, {@code +38} and non-ASCII digits
 * as numbers, which reached records by other spellings.
 */
@ControllerAdvice(basePackages = "io.notifications")
class PathIntegers {

	@InitBinder
	void readStrictly(WebDataBinder binder) {
		PropertyEditorSupport strict = new PropertyEditorSupport() {

			@Override
			public void setAsText(String text) {
				setValue(WireValues.toInt(text));
			}

		};
		binder.registerCustomEditor(int.class, strict);
		binder.registerCustomEditor(Integer.class, strict);
	}

}
