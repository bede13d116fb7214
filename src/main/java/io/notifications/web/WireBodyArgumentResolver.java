package io.notifications.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

final class WireBodyArgumentResolver implements HandlerMethodArgumentResolver {

	private final RequestBodies bodies;

	WireBodyArgumentResolver(RequestBodies bodies) {
		this.bodies = bodies;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(WireBody.class);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		WireBody wireBody = parameter.getParameterAnnotation(WireBody.class);
		Class<? extends Record> type = (Class<? extends Record>) parameter.getParameterType();
		return this.bodies.read(webRequest.getNativeRequest(HttpServletRequest.class), type, Set.of(wireBody.ignore()),
				wireBody.groups());
	}

}
