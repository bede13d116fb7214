package io.notifications.security.issuer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.notifications.security.PasswordSignIn;
import io.notifications.security.SecondFactorException;
import io.notifications.security.issuer.TokenService.IssuedTokens;
import io.notifications.web.FormBody;
import io.notifications.web.JsonContentType;
import io.notifications.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nexudus's token endpoint: password (with {@code totp} for two-factor users) and refresh
 * grants, answered in OAuth2's format, not the envelope, and never cached (RFC 6749
 * section 5.1).
 */
@RestController
@ConditionalOnEmbeddedIssuer
class TokenController {

	static final String BAD_CREDENTIALS = "The user name or password is incorrect.";

	static final String BAD_REFRESH_TOKEN = "The refresh token is invalid, expired or already used.";

	static final String PARAMETERS_IN_THE_URL = "The parameters go in the form body, not in the URL.";

	static final String NOT_UTF8_FORM = "The request body is not a valid UTF-8 form.";

	private final TokenService tokens;

	private final PasswordSignIn passwords;

	TokenController(TokenService tokens, PasswordSignIn passwords) {
		this.tokens = tokens;
		this.passwords = passwords;
	}

	@PostMapping(path = "/api/token", produces = { JsonContentType.JSON, JsonContentType.ANY_JSON })
	ResponseEntity<Map<String, Object>> token(
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(name = "grant_type", required = false) String grantType,
			@RequestParam(required = false) String username, @RequestParam(required = false) String password,
			@RequestParam(name = "refresh_token", required = false) String refreshToken, HttpServletRequest request) {
		if (!FormBody.isForm(contentType)) {
			return error("unsupported_grant_type", null);
		}
		Optional<ResponseEntity<Map<String, Object>>> misplaced = notInTheFormOnce(request);
		if (misplaced.isPresent()) {
			return misplaced.get();
		}
		if ("password".equals(grantType)) {
			return passwordGrant(username, password, request);
		}
		if ("refresh_token".equals(grantType)) {
			Optional<IssuedTokens> issued = (refreshToken != null) ? this.tokens.refresh(refreshToken)
					: Optional.empty();
			return issued.map(TokenController::success).orElseGet(() -> error("invalid_grant", BAD_REFRESH_TOKEN));
		}
		return error("unsupported_grant_type", null);
	}

	/**
	 * RFC 6749 section 3.2, for the token endpoints: parameters in the form body alone (a
	 * URL with a password or a token ends up in logs and histories), a form that decodes
	 * strictly in UTF-8 (appendix B; the request's parameters skip a malformed escape, as
	 * Tomcat's do), and no parameter more than once (Spring would bind {@code a,b} from
	 * two values, a token that matches nothing).
	 */
	static Optional<ResponseEntity<Map<String, Object>>> notInTheFormOnce(HttpServletRequest request) {
		if (request.getQueryString() != null) {
			return Optional.of(error("invalid_request", PARAMETERS_IN_THE_URL));
		}
		// the body is received before the request is handled
		// (connection.BodyReadingFilter)
		if (request.getAttribute(RequestBodies.BODY) instanceof byte[] body
				&& !FormBody.isUtf8Form(body, request.getContentType())) {
			return Optional.of(error("invalid_request", NOT_UTF8_FORM));
		}
		return request.getParameterMap()
			.entrySet()
			.stream()
			.filter((parameter) -> parameter.getValue().length > 1)
			.findFirst()
			.map((parameter) -> error("invalid_request", "The parameter " + parameter.getKey() + " is repeated."));
	}

	private ResponseEntity<Map<String, Object>> passwordGrant(String username, String password,
			HttpServletRequest request) {
		if (username == null || password == null) {
			return error("invalid_grant", BAD_CREDENTIALS);
		}
		try {
			Authentication authentication = this.passwords.authenticate(username, password, request);
			return success(this.tokens.issue((UserDetails) authentication.getPrincipal()));
		}
		catch (SecondFactorException ex) {
			// the password was right: the description says what is wrong with the code
			return error("invalid_grant", ex.getMessage());
		}
		catch (AuthenticationException ex) {
			return error("invalid_grant", BAD_CREDENTIALS);
		}
	}

	private static ResponseEntity<Map<String, Object>> success(IssuedTokens issued) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", issued.accessToken());
		body.put("token_type", "bearer");
		body.put("expires_in", issued.expiresIn());
		body.put("refresh_token", issued.refreshToken());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.body(body);
	}

	static ResponseEntity<Map<String, Object>> error(String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		if (description != null) {
			body.put("error_description", description);
		}
		return ResponseEntity.badRequest()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.PRAGMA, "no-cache")
			.body(body);
	}

}
