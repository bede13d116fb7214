package io.notifications.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns the failures that Spring MVC and the resources raise into the Nexudus envelope.
 * Anything unexpected is left to propagate: the container logs it and
 * {@link EnvelopeErrorController} answers the 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<Object> invalidRequest(InvalidRequestException ex) {
		return envelope(Envelope.failure(400, ex.getErrors()));
	}

	/** With the codings that would be read, as RFC 9110 section 15.5.16 asks. */
	@ExceptionHandler
	ResponseEntity<Object> unsupportedContentCoding(UnsupportedContentCodingException ex) {
		return ResponseEntity.status(415)
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.ACCEPT_ENCODING, "identity")
			.body(Envelope.failure(415, List.of(ex.getError())));
	}

	@ExceptionHandler
	ResponseEntity<Object> unreadableBody(UnreadableBodyException ex) {
		return envelope(Envelope.failure(400, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<Object> recordNotFound(RecordNotFoundException ex) {
		return envelope(Envelope.failure(404, List.of(ErrorItem.notFound(ex.getId()))));
	}

	@ExceptionHandler
	ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex) {
		return envelope(Envelope.failure(413, ex.getMessage()));
	}

	/** Tomcat's refusal to parse parameters, such as a form over the limit (413). */
	@ExceptionHandler
	ResponseEntity<Object> invalidParameters(InvalidParameterException ex) {
		int status = (ex.getErrorCode() > 0) ? ex.getErrorCode() : 400;
		return envelope(Envelope.failure(status, FailureMessages.forStatus(status)));
	}

	@ExceptionHandler
	ResponseEntity<Object> argumentTypeMismatch(MethodArgumentTypeMismatchException ex) {
		String name = "id".equals(ex.getName()) ? "Id" : ex.getName();
		return envelope(Envelope.failure(400, List.of(new ErrorItem(ex.getValue(), ErrorItem.NOT_VALID, name))));
	}

	@ExceptionHandler
	ResponseEntity<Object> concurrentChange(OptimisticLockingFailureException ex) {
		return envelope(Envelope.failure(409, FailureMessages.forStatus(409)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ErrorItem error = new ErrorItem(null, ErrorItem.REQUIRED, ex.getParameterName());
		return new ResponseEntity<>(Envelope.failure(400, List.of(error)), json(headers), HttpStatus.BAD_REQUEST);
	}

	/**
	 * The methods that OPTIONS names too (RFC 9110 10.2.1: all the resource supports):
	 * HEAD beside GET, and OPTIONS.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Set<HttpMethod> allowed = new LinkedHashSet<>(headers.getAllow());
		if (allowed.contains(HttpMethod.GET)) {
			allowed.add(HttpMethod.HEAD);
		}
		allowed.add(HttpMethod.OPTIONS);
		HttpHeaders withAll = new HttpHeaders();
		withAll.putAll(headers);
		withAll.setAllow(allowed);
		return handleExceptionInternal(ex, null, withAll, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (statusCode.is5xxServerError()) {
			logger.error("Failure in Spring MVC", ex);
		}
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null) {
			// set for the answer that failed (a record's, when its 406 came at the write)
			servlet.getResponse().setHeader(HttpHeaders.ETAG, null);
		}
		int status = statusCode.value();
		String message = (ex instanceof HttpMediaTypeNotSupportedException unsupported)
				? FailureMessages.unsupportedContentType(unsupported.getSupportedMediaTypes())
				: FailureMessages.forStatus(status);
		return new ResponseEntity<>(Envelope.failure(status, message), json(headers), statusCode);
	}

	private static ResponseEntity<Object> envelope(Envelope envelope) {
		return ResponseEntity.status(envelope.status()).contentType(MediaType.APPLICATION_JSON).body(envelope);
	}

	/** JSON whatever the {@code Accept}, so that an error never becomes an empty 406. */
	private static HttpHeaders json(HttpHeaders headers) {
		HttpHeaders json = new HttpHeaders();
		json.putAll(headers);
		json.setContentType(MediaType.APPLICATION_JSON);
		return json;
	}

}
