package io.notifications.connection;

import java.util.EnumSet;

import io.notifications.web.EnvelopeWriter;
import jakarta.servlet.DispatcherType;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link BodyReadingFilter} first, for the client's request only (the dispatch
 * it starts runs the other filters); gives Tomcat the envelope for its own errors, and
 * the smuggling check.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionConfig {

	@Bean
	FilterRegistrationBean<BodyReadingFilter> bodyReadingFilter(ConnectionProperties properties,
			EnvelopeWriter writer) {
		FilterRegistrationBean<BodyReadingFilter> registration = new FilterRegistrationBean<>(
				new BodyReadingFilter(properties, writer));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
		registration.setAsyncSupported(true);
		return registration;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> envelopeForTomcatErrors(JsonMapper jsonMapper) {
		return new EnvelopeForTomcatErrors(jsonMapper);
	}

	/** After Boot's Tomcat customizer (order 0), whose error valve it replaces. */
	private record EnvelopeForTomcatErrors(
			JsonMapper jsonMapper) implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.setProtocol(KeepServingHttp11NioProtocol.class.getName());
			factory.addEngineValves(new AmbiguousFramingValve(this.jsonMapper));
			factory.addContextCustomizers((context) -> {
				Host host = (Host) context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new EnvelopeErrorReportValve(this.jsonMapper));
				if (host instanceof StandardHost standardHost) {
					// the host adds a valve of this class at start if it finds none
					standardHost.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
				}
			});
		}

		@Override
		public int getOrder() {
			return 1;
		}

	}

}
