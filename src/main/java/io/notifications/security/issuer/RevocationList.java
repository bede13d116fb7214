package io.notifications.security.issuer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The revoked access tokens and the users whose sessions were ended, kept in the database (so every
 * instance on it honours them) and mirrored in memory (so a request asks two maps, not the
 * database). Every instance reads the rows recorded since its last look every
 * {@code notifications.security.revocation.poll-interval}; its own revocations apply at once. The
 * memory holds only what has not expired: a row, and its entry, goes when every token it concerns
 * has expired anyway.
 */
final class RevocationList implements SmartLifecycle {

	static final String TOKEN = "token";

	static final String USER = "user";

	/**
	 * Rows recorded this long before the database's clock at the last look are read again: the time
	 * a row is recorded with is its transaction's start, and the transaction may commit a little later.
	 */
	static final Duration OVERLAP = Duration.ofSeconds(10);

	/** How often expired rows are deleted and every row is read anew. */
	static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);

	private static final Log logger = LogFactory.getLog(RevocationList.class);

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final Duration pollInterval;

	/** Revoked access tokens: their {@code jti}, and when they expire. */
	private final Map<String, Instant> tokens = new ConcurrentHashMap<>();

	/** Users whose sessions were ended: tokens issued before the cutoff are void. */
	private final Map<String, Cutoff> users = new ConcurrentHashMap<>();

	private ScheduledExecutorService poller;

	/** The database time from which rows are read at the next look; {@code null} reads all. */
	private Instant since;

	private Instant nextPrune = Instant.MIN;

	private boolean failing;

	RevocationList(JdbcTemplate jdbc, Clock clock, Duration pollInterval) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.pollInterval = pollInterval;
	}

	/** Whether the token was revoked, or issued before its user's sessions were ended. */
	boolean isRevoked(Jwt jwt) {
		if (!this.tokens.isEmpty()) {
			String id = jwt.getId();
			if (id != null && this.tokens.containsKey(id)) {
				return true;
			}
		}
		return !this.users.isEmpty() && endedSessionsOf(jwt.getSubject(), jwt.getIssuedAt());
	}

	/** Whether a token of the user issued at the given time (unknown: {@code null}) belongs to an ended session. */
	boolean endedSessionsOf(String user, Instant issuedAt) {
		Cutoff cutoff = (user != null) ? this.users.get(user) : null;
		return cutoff != null && (issuedAt == null || issuedAt.isBefore(cutoff.voidBefore()));
	}

	/** Revokes an access token until it expires. */
	void revokeToken(String tokenId, Instant expiresAt) {
		record(TOKEN, tokenId, null, expiresAt);
		this.tokens.merge(tokenId, expiresAt, RevocationList::later);
	}

	/** Voids every token of the user issued before the cutoff; the entry is kept until {@code expiresAt}. */
	void revokeUser(String user, Instant voidBefore, Instant expiresAt) {
		record(USER, user, voidBefore, expiresAt);
		this.users.merge(user, new Cutoff(voidBefore, expiresAt), Cutoff::merge);
	}

	private void record(String kind, String subject, Instant voidBefore, Instant expiresAt) {
		this.jdbc.update("INSERT INTO token_revocations (kind, subject, void_before, expires_at) VALUES (?, ?, ?, ?)",
				kind, subject, (voidBefore != null) ? utc(voidBefore) : null, utc(expiresAt));
	}

	/** Reads the rows recorded since the last look (all of them now and then), and prunes. */
	synchronized void poll() {
		Instant now = this.clock.instant();
		if (!now.isBefore(this.nextPrune)) {
			this.jdbc.update("DELETE FROM token_revocations WHERE expires_at <= ?", utc(now));
			this.tokens.values().removeIf((expiresAt) -> !expiresAt.isAfter(now));
			this.users.values().removeIf((cutoff) -> !cutoff.expiresAt().isAfter(now));
			this.since = null;
			this.nextPrune = now.plus(PRUNE_INTERVAL);
		}
		Instant databaseNow = this.jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class).toInstant();
		List<Row> rows = (this.since != null)
				? this.jdbc.query("SELECT kind, subject, void_before, expires_at FROM token_revocations "
						+ "WHERE recorded_at > ?", RevocationList::row, utc(this.since))
				: this.jdbc.query("SELECT kind, subject, void_before, expires_at FROM token_revocations "
						+ "WHERE expires_at > ?", RevocationList::row, utc(now));
		for (Row row : rows) {
			if (TOKEN.equals(row.kind())) {
				this.tokens.merge(row.subject(), row.expiresAt(), RevocationList::later);
			}
			else if (USER.equals(row.kind()) && row.voidBefore() != null) {
				this.users.merge(row.subject(), new Cutoff(row.voidBefore(), row.expiresAt()), Cutoff::merge);
			}
		}
		this.since = databaseNow.minus(OVERLAP);
	}

	@Override
	public synchronized void start() {
		// the view is complete before the first request: its first reading happens here
		pollQuietly();
		this.poller = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "token-revocations");
			thread.setDaemon(true);
			return thread;
		});
		this.poller.scheduleWithFixedDelay(this::pollQuietly, this.pollInterval.toNanos(), this.pollInterval.toNanos(),
				TimeUnit.NANOSECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.poller != null) {
			this.poller.shutdownNow();
			this.poller = null;
		}
	}

	/** Starts before the web server takes requests and stops after its graceful shutdown. */
	@Override
	public int getPhase() {
		return 0;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.poller != null;
	}

	/** Polls; while the database cannot be read, the view stays as it was (logged once per outage). */
	private synchronized void pollQuietly() {
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

	private static Row row(ResultSet rs, int rowNum) throws SQLException {
		OffsetDateTime voidBefore = rs.getObject("void_before", OffsetDateTime.class);
		return new Row(rs.getString("kind"), rs.getString("subject"), (voidBefore != null) ? voidBefore.toInstant() : null,
				rs.getObject("expires_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/** Tokens of a user issued before {@code voidBefore} are void; kept until {@code expiresAt}. */
	record Cutoff(Instant voidBefore, Instant expiresAt) {

		Cutoff merge(Cutoff other) {
			return new Cutoff(later(this.voidBefore, other.voidBefore), later(this.expiresAt, other.expiresAt));
		}

	}

	private record Row(String kind, String subject, Instant voidBefore, Instant expiresAt) {
	}

}
