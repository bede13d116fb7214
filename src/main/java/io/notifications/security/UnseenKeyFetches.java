package io.notifications.security;

import java.security.Key;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Spring Security fetches a provider's keys again for every token that no cached key
 * matches (it turns Nimbus's rate limit off), so a flood of made-up key ids was a flood
 * of fetches at the provider. Here such a token fetches at most once every
 * {@link #INTERVAL}; the others are refused without a fetch. A rotated key is fetched by
 * its first token, or, during such a flood, by the flood's next fetch.
 */
final class UnseenKeyFetches implements JWSKeySelector<SecurityContext> {

	static final Duration INTERVAL = Duration.ofSeconds(30);

	private static final JWKSelector CACHED = new JWKSelector(new JWKMatcher.Builder().build());

	private final JWSVerificationKeySelector<SecurityContext> keys;

	private final JWKSource<SecurityContext> limited;

	private final Clock clock;

	private final AtomicReference<Instant> lastFetch = new AtomicReference<>(Instant.MIN);

	UnseenKeyFetches(JWSVerificationKeySelector<SecurityContext> keys, Clock clock) {
		this.keys = keys;
		this.limited = this::select;
		this.clock = clock;
	}

	@Override
	public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
		if (!this.keys.isAllowed(header.getAlgorithm())) {
			// refused by the provider's selector without a fetch
			return this.keys.selectJWSKeys(header, context);
		}
		return new JWSVerificationKeySelector<>(header.getAlgorithm(), this.limited).selectJWSKeys(header, context);
	}

	private List<JWK> select(JWKSelector selector, SecurityContext context) throws KeySourceException {
		JWKSource<SecurityContext> provider = this.keys.getJWKSource();
		// the cached keys (fetched only when there are none yet, or they are old)
		List<JWK> cached = selector.select(new JWKSet(provider.get(CACHED, context)));
		if (!cached.isEmpty() || !mayFetch()) {
			return cached;
		}
		return provider.get(selector, context);
	}

	private boolean mayFetch() {
		Instant now = this.clock.instant();
		Instant last = this.lastFetch.get();
		return !now.isBefore(last.plus(INTERVAL)) && this.lastFetch.compareAndSet(last, now);
	}

}
