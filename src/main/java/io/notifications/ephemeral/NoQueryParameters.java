package io.notifications.ephemeral;

import java.util.Map;

import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A steering call that reads no query parameters refuses any: {@code DELETE
 * /ephemeral/requests?method=PUT} emptied the whole journal, and {@code POST
 * /ephemeral/reset?keepJournal=true} reset everything, without a word. A call that reads
 * them (the journal's filters) checks its own.
 */
class NoQueryParameters implements HandlerInterceptor {

	static final String NOT_TAKEN = "is not a parameter of this call";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Map<String, String[]> parameters = request.getParameterMap();
		if (parameters.isEmpty() || readsParameters(handler)) {
			return true;
		}
		throw new InvalidRequestException(parameters.entrySet()
			.stream()
			.map((parameter) -> new ErrorItem(parameter.getValue()[0], NOT_TAKEN, parameter.getKey()))
			.toList());
	}

	private static boolean readsParameters(Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return false;
		}
		for (var parameter : method.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestParam.class)) {
				return true;
			}
		}
		return false;
	}

}
