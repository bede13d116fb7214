package io.notifications.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the container's error dispatches (failures outside Spring MVC, such as a
 * malformed request line or an exception in a filter) with the envelope instead of Boot's
 * default body.
 */
@RestController
class EnvelopeErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<Envelope> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value && value >= 400) ? value : 500;
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Envelope.failure(status, FailureMessages.forStatus(status)));
	}

}
