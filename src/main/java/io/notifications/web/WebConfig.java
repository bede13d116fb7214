package io.notifications.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC as the wire format needs it: {@link WireBody} parameters, bodies in no
 * content coding but {@code identity} ({@link ContentCodingInterceptor}), and JSON
 * answers written by Jackson 3 alone. springdoc's dependencies put JAXB and Jackson 2 on
 * the class path, and Spring MVC would register a converter for each and ask them about
 * every response it writes: they are left out.
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

	@Override
	@SuppressWarnings("removal")
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.configureMessageConvertersList(
				(list) -> list.removeIf((converter) -> converter instanceof Jaxb2RootElementHttpMessageConverter
						|| converter instanceof AbstractJackson2HttpMessageConverter));
	}

}
