package io.notifications.security.issuer;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** So that other services can verify the embedded issuer's tokens. */
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
