package io.notifications.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every JSON answer is labelled {@code application/json}, also for a client that accepts
 * only a {@code +json} type such as {@code application/problem+json}, which Spring would
 * otherwise name. Actuator, outside these packages, keeps its own types.
 */
@RestControllerAdvice(basePackages = "io.notifications")
public class JsonContentType implements ResponseBodyAdvice<Object> {

	/**
	 * A handler's {@code produces}, with {@link #ANY_JSON}: an {@code Accept} without
	 * JSON is a 406 before the handler runs, so a write refused for it changes nothing.
	 */
	public static final String JSON = MediaType.APPLICATION_JSON_VALUE;

	/** Also a {@code +json} type; answered {@code application/json}, as below. */
	public static final String ANY_JSON = "application/*+json";

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selected,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if ("json".equals(selected.getSubtypeSuffix())) {
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
		}
		return body;
	}

}
