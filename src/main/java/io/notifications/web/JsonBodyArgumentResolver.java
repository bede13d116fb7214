package io.notifications.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link JsonBody} parameters: refuses bodies over the limit before reading them, then
 * hands the bytes to the {@link RequestBinder}.
 */
class JsonBodyArgumentResolver implements HandlerMethodArgumentResolver {

	/** 1 MiB, the contract's limit on request bodies. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	private final RequestBinder binder;

	JsonBodyArgumentResolver(RequestBinder binder) {
		this.binder = binder;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(JsonBody.class) && parameter.getParameterType().isRecord();
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) throws IOException {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw new PayloadTooLargeException(MAX_BODY_BYTES);
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			// a chunked body has no length: read one byte past the limit to tell
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			throw new PayloadTooLargeException(MAX_BODY_BYTES);
		}
		JsonBody annotation = parameter.getParameterAnnotation(JsonBody.class);
		return this.binder.bind(body, (Class<? extends Record>) parameter.getParameterType(), Set.of(annotation.ignored()),
				annotation.groups());
	}

}
