package io.notifications.openapi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The document in OpenAPI 3.0.3 terms ({@link OpenApi30}), beside springdoc's 3.1; public
 * like it (SecurityConfig permits {@code /v3/api-docs/**}).
 */
@Hidden // the API's description, not an operation of the API
@RestController
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
class OpenApi30Controller {

	/** Under springdoc's path. */
	static final String PATH = "/openapi-3.0.json";

	private final OpenApiWebMvcResource springdoc;

	OpenApi30Controller(OpenApiWebMvcResource springdoc) {
		this.springdoc = springdoc;
	}

	@GetMapping(path = "${springdoc.api-docs.path:/v3/api-docs}" + PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] openApi30(HttpServletRequest request, Locale locale) throws JsonProcessingException {
		// springdoc takes the server's URL from this request's, less this path
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String served = new String(this.springdoc.openapiJson(request, path, locale), StandardCharsets.UTF_8);
		return OpenApi30.convert(served).getBytes(StandardCharsets.UTF_8);
	}

}
