package io.notifications.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers matches briefly, so that a busy Basic client does not pay bcrypt on every
 * request: as an HMAC of password and hash under a key that lives in this process only,
 * never the password. A wrong password is always checked in full. Requests that need the
 * same check at once (a busy client's, when its entry has just expired) wait for one
 * check rather than each running bcrypt on the same cores.
 */
final class VerifiedPasswords implements PasswordEncoder {

	static final int MAX_ENTRIES = 10_000;

	private final PasswordEncoder encoder;

	private final Duration lifetime;

	private final LongSupplier nanoTime;

	private final SecretKeySpec key;

	private final Cache<String, Long> verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

	private final ConcurrentMap<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

	VerifiedPasswords(PasswordEncoder encoder, Duration lifetime, LongSupplier nanoTime) {
		this.encoder = encoder;
		this.lifetime = lifetime;
		this.nanoTime = nanoTime;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.encoder.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return this.encoder.matches(rawPassword, encodedPassword);
		}
		String entry = mac(rawPassword, encodedPassword);
		long now = this.nanoTime.getAsLong();
		Long verifiedAt = this.verified.getIfPresent(entry);
		if (verifiedAt != null && now - verifiedAt < this.lifetime.toNanos()) {
			return true;
		}
		CompletableFuture<Boolean> mine = new CompletableFuture<>();
		CompletableFuture<Boolean> running = this.checking.putIfAbsent(entry, mine);
		if (running != null) {
			return running.join();
		}
		try {
			boolean matches = this.encoder.matches(rawPassword, encodedPassword);
			if (matches) {
				this.verified.put(entry, now);
			}
			mine.complete(matches);
			return matches;
		}
		catch (RuntimeException ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.checking.remove(entry, mine);
		}
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.encoder.upgradeEncoding(encodedPassword);
	}

	private String mac(CharSequence rawPassword, String encodedPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return Base64.getEncoder()
				.encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
