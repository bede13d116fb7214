package io.notifications.web;

import java.beans.PropertyEditorSupport;
import java.util.ArrayList;
import java.util.List;

import io.notifications.value.WireValues;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.validation.Validator;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC as the wire format needs it: {@link WireBody} parameters, bodies in no
 * content coding but {@code identity} ({@link ContentCodingInterceptor}), {@code Accept}
 * read by {@link JsonAcceptHeader}, integers in paths and parameters read strictly, and
 * Actuator's answers in {@code application/json}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	/** Formats whose converter Spring MVC adds when its library is on the class path. */
	private static final List<MediaType> OTHER_FORMATS = List.of(MediaType.APPLICATION_YAML, MediaType.APPLICATION_XML,
			MediaType.TEXT_XML, MediaType.APPLICATION_CBOR, MediaType.valueOf("application/x-jackson-smile"),
			MediaType.APPLICATION_PROTOBUF);

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

	@Bean
	FilterRegistrationBean<ActuatorErrorBodies> actuatorErrorBodies(ObjectProvider<WebEndpointProperties> actuator,
			EnvelopeWriter writer) {
		String basePath = actuator.getIfAvailable(WebEndpointProperties::new).getBasePath();
		return new FilterRegistrationBean<>(new ActuatorErrorBodies(basePath, writer));
	}

	/**
	 * An integer bound from a request, such as a record's Id in a path, is read as in a
	 * body ({@link WireValues}): ASCII digits alone. Spring's own number editor, its
	 * fallback when a conversion fails, reads {@code 0x26}, {@code #26}, {@code +38} and
	 * non-ASCII digits as numbers, which reached records by other spellings. Boot takes
	 * this initializer when it is a bean; an {@code @InitBinder} method would do the
	 * same, but Spring MVC prepares it anew for each request (about 3 % of a GET's CPU).
	 */
	@Bean
	ConfigurableWebBindingInitializer strictIntegers(
			@Qualifier("mvcConversionService") FormattingConversionService conversionService,
			@Qualifier("mvcValidator") Validator validator) {
		ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
		initializer.setConversionService(conversionService);
		initializer.setValidator(validator);
		initializer.setPropertyEditorRegistrar((registry) -> {
			// an editor holds the value it read: one per binder
			PropertyEditorSupport strict = new PropertyEditorSupport() {

				@Override
				public void setAsText(String text) {
					setValue(WireValues.toInt(text));
				}

			};
			registry.registerCustomEditor(int.class, strict);
			registry.registerCustomEditor(Integer.class, strict);
		});
		return initializer;
	}

	/**
	 * JSON is the one format answered: springdoc brings a YAML library, with which a GET
	 * asking for {@code application/yaml} was answered in YAML, dates as numbers.
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.configureMessageConvertersList((list) -> list.removeIf(WebConfig::writesAnotherFormat));
	}

	private static boolean writesAnotherFormat(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes()
			.stream()
			.anyMatch((type) -> OTHER_FORMATS.stream().anyMatch((other) -> other.includes(type)));
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
