package io.notifications.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API answers JSON only, written by Jackson 3. springdoc's dependencies put JAXB and Jackson 2
 * on the class path, and Spring MVC would register a converter for each and ask them about every
 * response it writes: they are left out.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyConfig implements WebMvcConfigurer {

	@Override
	@SuppressWarnings("removal")
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
		converters.configureMessageConvertersList((list) -> list.removeIf(
				(converter) -> converter instanceof Jaxb2RootElementHttpMessageConverter
						|| converter instanceof AbstractJackson2HttpMessageConverter));
	}

}
