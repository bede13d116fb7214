package io.notifications.security.issuer;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the embedded issuer's public keys, so other services can verify its tokens.
 */
@RestController
@ConditionalOnEmbeddedIssuer
class JwksController {

	private final SigningKeys keys;

	JwksController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/.well-known/jwks.json")
	Map<String, Object> jwks() {
		return this.keys.publicJwkSet().toJSONObject();
	}

}
