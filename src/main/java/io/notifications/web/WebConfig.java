package io.notifications.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC as the wire format needs it: {@link WireBody} parameters, bodies in no
 * content coding but {@code identity} ({@link ContentCodingInterceptor}), {@code Accept}
 * read by {@link JsonAcceptHeader}, and Actuator's answers in {@code application/json}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	private final RequestBodies bodies;

	WebConfig(RequestBodies bodies) {
		this.bodies = bodies;
	}

	/**
	 * Actuator's JSON in the one {@code Content-Type} of every JSON answer, unless a
	 * client asks for Actuator's own type.
	 */
	@Bean
	EndpointMediaTypes endpointMediaTypes() {
		List<String> produced = new ArrayList<>(EndpointMediaTypes.DEFAULT.getProduced());
		produced.remove(MediaType.APPLICATION_JSON_VALUE);
		produced.add(0, MediaType.APPLICATION_JSON_VALUE);
		return new EndpointMediaTypes(produced, EndpointMediaTypes.DEFAULT.getConsumed());
	}

	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
		negotiation.strategies(List.of(new JsonAcceptHeader()));
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
