package io.notifications.security.issuer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.notifications.web.JsonContentType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whoever presents a token may revoke it (RFC 7009: holding it is the right to use it),
 * and the answer is 200 whatever the token was. {@code revoke-all}, without a role rule,
 * is the Administrator's alone.
 */
@RestController
@ConditionalOnEmbeddedIssuer
class RevocationController {

	/** The column that keeps a user's revocation. */
	private static final int MAX_USER_LENGTH = 255;

	private final TokenRevocation revocation;

	private final TokenUsers users;

	RevocationController(TokenRevocation revocation, TokenUsers users) {
		this.revocation = revocation;
		this.users = users;
	}

	/** {@code token_type_hint} is not needed: the token's form tells. */
	@PostMapping(path = "/api/token/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ResponseEntity<Map<String, Object>> revoke(@RequestParam(required = false) String token,
			@RequestParam(name = "token_type_hint", required = false) String tokenTypeHint,
			HttpServletRequest request) {
		Optional<ResponseEntity<Map<String, Object>>> misplaced = TokenController.notInTheFormOnce(request);
		if (misplaced.isPresent()) {
			return misplaced.get();
		}
		if (token == null || token.isBlank()) {
			return TokenController.error("invalid_request", "The token to revoke is missing.");
		}
		this.revocation.revoke(token);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache").build();
	}

	@PostMapping(path = "/api/token/revoke-all", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
			produces = { JsonContentType.JSON, JsonContentType.ANY_JSON })
	ResponseEntity<Map<String, Object>> revokeAll(@RequestParam(required = false) String user,
			HttpServletRequest request) {
		Optional<ResponseEntity<Map<String, Object>>> misplaced = TokenController.notInTheFormOnce(request);
		if (misplaced.isPresent()) {
			return misplaced.get();
		}
		if (user == null || user.isBlank()) {
			return TokenController.error("invalid_request", "The user whose sessions to end is missing.");
		}
		if (user.length() > MAX_USER_LENGTH) {
			return TokenController.error("invalid_request",
					"The user is longer than " + MAX_USER_LENGTH + " characters.");
		}
		String stored = this.users.spelledAsStored(user);
		Instant cutoff = this.revocation.endSessions(stored);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("user", stored);
		body.put("revoked_before", cutoff.toString());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

}
