package io.notifications.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC as the wire format needs it: {@link WireBody} parameters, and bodies in no
 * content coding but {@code identity} ({@link ContentCodingInterceptor}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final RequestBodies bodies;

	WebConfig(RequestBodies bodies) {
		this.bodies = bodies;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ContentCodingInterceptor());
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new WireBodyArgumentResolver(this.bodies));
	}

}
