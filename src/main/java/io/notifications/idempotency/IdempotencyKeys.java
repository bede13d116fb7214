package io.notifications.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A request claims its key by inserting it, so that one request wins on however many
 * instances. The winner stores its answer in the creating transaction; every other
 * request with the key gets that answer, or 409 while there is none yet, or 422 if it is
 * not the same request.
 */
@Component
public class IdempotencyKeys {

	/** As the column holds it. */
	public static final int MAX_KEY_LENGTH = 255;

	/** Visible ASCII, inner spaces allowed (the draft's keys are UUIDs and the like). */
	public static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]([\\x20-\\x7E]*[\\x21-\\x7E])?");

	private static final Log logger = LogFactory.getLog(IdempotencyKeys.class);

	private final IdempotencyKeyRepository repository;

	private final Clock clock;

	private final IdempotencyProperties properties;

	/**
	 * Claims whose create failed but whose release failed too (the database away): until
	 * they are released, a retry would be told the first request is still in flight.
	 */
	private final Set<Claimed> unreleased = ConcurrentHashMap.newKeySet();

	IdempotencyKeys(IdempotencyKeyRepository repository, Clock clock, IdempotencyProperties properties) {
		this.repository = repository;
		this.clock = clock;
		this.properties = properties;
	}

	public static boolean isValid(String key) {
		return key.length() <= MAX_KEY_LENGTH && KEY.matcher(key).matches();
	}

	public static String fingerprint(String method, String path, byte[] body) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return {@link Claimed} if this request is the first and must be processed;
	 * otherwise what the first one left
	 */
	public Claim claim(String caller, String key, String fingerprint) {
		// a few rounds at most: the row may be claimed, released or expire meanwhile
		for (int attempt = 0; attempt < 3; attempt++) {
			Instant now = this.clock.instant();
			String owner = UUID.randomUUID().toString();
			// read first: a retry's insert would fail, and PostgreSQL logs each failure
			Optional<IdempotencyKey> found = this.repository.findById(new IdempotencyKey.Id(caller, key));
			if (found.isEmpty()) {
				try {
					this.repository.saveAndFlush(new IdempotencyKey(caller, key, fingerprint, owner, now));
					return new Claimed(caller, key, owner);
				}
				catch (DataIntegrityViolationException ex) {
					// a concurrent request claimed it first: see what it left
					continue;
				}
			}
			IdempotencyKey row = found.get();
			if (row.createdOn().isBefore(now.minus(this.properties.retention()))) {
				// expired but not yet pruned: the key is free again
				this.repository.deleteExpired(caller, key, now.minus(this.properties.retention()));
				continue;
			}
			if (!row.requestHash().equals(fingerprint)) {
				return Refused.DIFFERENT_REQUEST;
			}
			if (row.responseStatus() != null) {
				return new Stored(row.responseStatus(), row.responseBody(), row.responseEtag());
			}
			if (row.createdOn().isBefore(now.minus(this.properties.inFlightTimeout()))
					&& this.repository.takeOver(caller, key, row.claimedBy(), owner, now) == 1) {
				return new Claimed(caller, key, owner);
			}
			return Refused.IN_FLIGHT;
		}
		return Refused.IN_FLIGHT;
	}

	/**
	 * Run it in the transaction that did the work: if the claim was taken over meanwhile,
	 * it fails, and so does the work.
	 */
	public void complete(Claimed claim, int status, String body, String etag) {
		if (this.repository.complete(claim.caller(), claim.key(), claim.owner(), status, body, etag) != 1) {
			throw new TakenOver();
		}
	}

	/** Never fails: a claim that cannot be released now is released when it can. */
	public void release(Claimed claim) {
		try {
			this.repository.release(claim.caller(), claim.key(), claim.owner());
		}
		catch (RuntimeException ex) {
			this.unreleased.add(claim);
		}
	}

	@Scheduled(fixedDelay = 1, timeUnit = TimeUnit.SECONDS)
	void releaseUnreleased() {
		for (Claimed claim : this.unreleased) {
			try {
				this.repository.release(claim.caller(), claim.key(), claim.owner());
				this.unreleased.remove(claim);
			}
			catch (RuntimeException ex) {
				return; // still away: the next round tries again
			}
		}
	}

	@Scheduled(fixedDelayString = "${notifications.idempotency.prune-interval:1h}",
			initialDelayString = "${notifications.idempotency.prune-interval:1h}")
	public int prune() {
		int pruned = this.repository.deleteCreatedBefore(this.clock.instant().minus(this.properties.retention()));
		if (pruned > 0) {
			logger.debug("Pruned " + pruned + " expired Idempotency-Keys");
		}
		return pruned;
	}

	/** Ephemeral mode's reset. */
	public int forgetAll() {
		this.unreleased.clear();
		return this.repository.deleteEveryKey();
	}

	/**
	 * A retry took the claim over while this request ran: its work is undone, the retry's
	 * stands. An outcome the design allows, not a failure.
	 */
	public static final class TakenOver extends RuntimeException {

		TakenOver() {
			super("The Idempotency-Key was taken over by a retry; the request is undone", null, false, false);
		}

	}

	public sealed interface Claim permits Claimed, Stored, Refused {

	}

	/** Process the request, then {@link #complete} or {@link #release}. */
	public record Claimed(String caller, String key, String owner) implements Claim {

	}

	/** The first request's answer: answer it again. */
	public record Stored(int status, String body, String etag) implements Claim {

	}

	public enum Refused implements Claim {

		/** First sent with another body or path. */
		DIFFERENT_REQUEST,

		IN_FLIGHT

	}

}
