package io.notifications.security.issuer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.notifications.security.InvalidSettingException;
import org.springframework.core.io.Resource;

/**
 * The first key signs, all verify: a key is rotated by putting the new one first. A
 * missing file gets a new key, so that tokens survive restarts and instances sharing the
 * file accept each other's; generated in the background (a second on a cold JVM).
 */
public final class SigningKeys {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private static final String KEY_LOCATION = "notifications.security.token.key-location";

	private final CompletableFuture<List<RSAKey>> keys;

	private final CompletableFuture<JWKSet> publicKeys;

	private SigningKeys(CompletableFuture<List<RSAKey>> keys) {
		this.keys = keys.thenApply(SigningKeys::checked);
		this.publicKeys = this.keys.thenApply((all) -> new JWKSet(List.copyOf(all)).toPublicJWKSet());
	}

	private SigningKeys(List<RSAKey> keys) {
		this(CompletableFuture.completedFuture(checked(keys)));
	}

	private static List<RSAKey> checked(List<RSAKey> keys) {
		if (keys.isEmpty() || !keys.get(0).isPrivate()) {
			throw new IllegalStateException("The token signing key set must start with an RSA private key");
		}
		return List.copyOf(keys);
	}

	public static SigningKeys load(Resource location) {
		return load(location, KEY_LOCATION);
	}

	/**
	 * The keys at {@code location}, named by {@code setting}, generated there if missing.
	 */
	static SigningKeys load(Resource location, String setting) {
		try {
			if (!location.exists()) {
				return generate(location, setting);
			}
			try (InputStream in = location.getInputStream()) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				return new SigningKeys(text.contains("-----BEGIN") ? List.of(fromPem(text)) : fromJwkSet(text));
			}
		}
		catch (IOException | ParseException | JOSEException | GeneralSecurityException | IllegalStateException ex) {
			throw new InvalidSettingException(setting,
					"Cannot read the token signing key at " + location + ": " + ex.getMessage());
		}
	}

	/** Tokens die with the process (ephemeral mode writes no file). */
	static SigningKeys inMemory() {
		return inBackground(SigningKeys::newKey,
				(ex) -> new IllegalStateException("Cannot generate the token signing key in memory", ex));
	}

	public RSAKey signingKey() {
		return join(this.keys).get(0);
	}

	List<RSAKey> keys() {
		return join(this.keys);
	}

	JWKSet jwkSet() {
		return new JWKSet(List.copyOf(join(this.keys)));
	}

	JWKSet publicJwkSet() {
		return join(this.publicKeys);
	}

	/** A failure to generate or store the key is thrown here. */
	void awaitKeys() {
		join(this.keys);
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	private static SigningKeys generate(Resource location, String setting) throws IOException {
		if (!location.isFile()) {
			throw new IllegalStateException("No token signing key at " + location + ", nor a file to make one in");
		}
		Path file = location.getFile().toPath().toAbsolutePath();
		return inBackground(() -> generate(file), (ex) -> new InvalidSettingException(setting,
				"Cannot generate the token signing key at " + file + ": " + ex, ex));
	}

	private static SigningKeys inBackground(Callable<RSAKey> source, Function<Exception, RuntimeException> failure) {
		CompletableFuture<List<RSAKey>> generated = new CompletableFuture<>();
		Thread generator = new Thread(() -> {
			try {
				generated.complete(List.of(source.call()));
			}
			catch (Exception ex) {
				generated.completeExceptionally(failure.apply(ex));
			}
		}, "signing-key-generator");
		generator.setDaemon(true);
		generator.start();
		return new SigningKeys(generated);
	}

	private static RSAKey generate(Path file) throws IOException, JOSEException {
		RSAKey key = newKey();
		Files.createDirectories(file.getParent());
		Path temporary = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
		}
		Files.writeString(temporary, new JWKSet(key).toString(false));
		try {
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
		}
		logger.info("Generated a new token signing key at " + file);
		return key;
	}

	private static RSAKey newKey() throws JOSEException {
		return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.keyID(UUID.randomUUID().toString())
			.generate();
	}

	private static RSAKey fromPem(String pem) throws GeneralSecurityException, JOSEException {
		if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
			throw new IllegalStateException("The PEM signing key must be an unencrypted PKCS#8 RSA private key "
					+ "(-----BEGIN PRIVATE KEY-----)");
		}
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		KeyFactory rsa = KeyFactory.getInstance("RSA");
		RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		RSAPublicKey publicKey = (RSAPublicKey) rsa
			.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
		return new RSAKey.Builder(publicKey).privateKey(privateKey)
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.keyIDFromThumbprint()
			.build();
	}

	private static List<RSAKey> fromJwkSet(String json) throws ParseException {
		return JWKSet.parse(json).getKeys().stream().filter(RSAKey.class::isInstance).map(RSAKey.class::cast).toList();
	}

}
