package io.notifications.security.issuer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.notifications.ephemeral.EphemeralReset;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Revoked tokens and ended sessions, kept in the database so that every instance honours
 * them and mirrored in memory so that a request asks two maps. Each instance reads the
 * new rows every poll interval, the first time before it takes requests; its own
 * revocations apply at once. A row goes when every token it concerns has expired anyway.
 */
class RevocationList implements SmartInitializingSingleton {

	static final String TOKEN = Revocation.TOKEN;

	static final String USER = Revocation.USER;

	/** A row is dated by its transaction's start, which may commit a little later. */
	static final Duration OVERLAP = Duration.ofSeconds(10);

	/** How often expired rows are deleted and every row is read anew. */
	static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(RevocationList.class);

	private final Revocations revocations;

	private final Clock clock;

	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	private final Map<String, Cutoff> users = new ConcurrentHashMap<>();

	/** Database time the next look reads from; {@code null} reads all. */
	private Instant since;

	private Instant nextPrune = Instant.MIN;

	private boolean failing;

	RevocationList(Revocations revocations, Clock clock) {
		this.revocations = revocations;
		this.clock = clock;
	}

	boolean isRevoked(Jwt jwt) {
		if (!this.tokens.isEmpty()) {
			String id = jwt.getId();
			if (id != null && this.tokens.containsKey(id)) {
				return true;
			}
		}
		return !this.users.isEmpty() && endedSessionsOf(jwt.getSubject(), jwt.getIssuedAt());
	}

	boolean endedSessionsOf(String user, Instant issuedAt) {
		Cutoff cutoff = (user != null) ? this.users.get(user) : null;
		return cutoff != null && (issuedAt == null || issuedAt.isBefore(cutoff.voidBefore()));
	}

	void revokeToken(String tokenId, Instant expiresAt) {
		record(TOKEN, tokenId, null, expiresAt);
		this.tokens.merge(tokenId, expiresAt, RevocationList::later);
	}

	void revokeUser(String user, Instant voidBefore, Instant expiresAt) {
		record(USER, user, voidBefore, expiresAt);
		this.users.merge(user, new Cutoff(voidBefore, expiresAt), Cutoff::merge);
	}

	private void record(String kind, String subject, Instant voidBefore, Instant expiresAt) {
		this.revocations.save(new Revocation(kind, subject, voidBefore, expiresAt));
	}

	synchronized void poll() {
		Instant now = this.clock.instant();
		if (!now.isBefore(this.nextPrune)) {
			this.revocations.deleteExpired(now);
			this.tokens.values().removeIf((expiresAt) -> !expiresAt.isAfter(now));
			this.users.values().removeIf((cutoff) -> !cutoff.expiresAt().isAfter(now));
			this.since = null;
			this.nextPrune = now.plus(PRUNE_INTERVAL);
		}
		Instant databaseNow = this.revocations.databaseNow();
		List<Revocation> rows = (this.since != null) ? this.revocations.findRecordedAfter(this.since)
				: this.revocations.findUnexpired(now);
		for (Revocation row : rows) {
			if (TOKEN.equals(row.kind())) {
				this.tokens.merge(row.subject(), row.expiresAt(), RevocationList::later);
			}
			else if (USER.equals(row.kind()) && row.voidBefore() != null) {
				this.users.merge(row.subject(), new Cutoff(row.voidBefore(), row.expiresAt()), Cutoff::merge);
			}
		}
		this.since = databaseNow.minus(OVERLAP);
	}

	/**
	 * Ephemeral mode's reset: a token one test revoked, or a user whose sessions it
	 * ended, would otherwise be refused in every later test, the harnesses' kept tokens
	 * included.
	 */
	@EventListener(EphemeralReset.class)
	synchronized void forgetAll() {
		this.revocations.deleteAllInBatch();
		this.tokens.clear();
		this.users.clear();
		this.since = null;
	}

	/** Complete before the first request. */
	@Override
	public void afterSingletonsInstantiated() {
		pollQuietly();
	}

	/** While the database cannot be read, the view stays as it was. */
	@Scheduled(fixedDelayString = "${notifications.security.revocation.poll-interval:250ms}",
			initialDelayString = "${notifications.security.revocation.poll-interval:250ms}")
	synchronized void pollQuietly() {
		try {
			poll();
			if (this.failing) {
				logger.info("Reading token revocations from the database again");
				this.failing = false;
			}
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				logger.warn("Cannot read token revocations from the database; revocations made on other "
						+ "instances are not seen until it can: " + ex.getMessage());
				this.failing = true;
			}
		}
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	record Cutoff(Instant voidBefore, Instant expiresAt) {

		Cutoff merge(Cutoff other) {
			return new Cutoff(later(this.voidBefore, other.voidBefore), later(this.expiresAt, other.expiresAt));
		}

	}

}
