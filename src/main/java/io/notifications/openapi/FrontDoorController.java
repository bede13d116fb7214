package io.notifications.openapi;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} sends a browser to Swagger UI, so a newcomer who opens the server finds
 * the API and its Authorize button.
 */
@Hidden // a page for browsers, not an operation of the API
@RestController
@ConditionalOnProperty(name = "springdoc.swagger-ui.enabled", matchIfMissing = true)
class FrontDoorController {

	private final String swaggerUi;

	FrontDoorController(@Value("${springdoc.swagger-ui.path:/swagger-ui.html}") String swaggerUi) {
		this.swaggerUi = swaggerUi;
	}

	@GetMapping("/")
	ResponseEntity<Void> frontDoor(HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(URI.create(request.getContextPath() + this.swaggerUi))
			.build();
	}

}
