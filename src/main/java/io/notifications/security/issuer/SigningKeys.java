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

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.Resource;

/**
 * The RSA keys of the embedded token issuer: the first signs, all verify (so a key can be rotated
 * by putting the new one first). Loaded from a PEM private key or a JWK set; when the configured
 * file does not exist, a new key is generated and written there, so tokens survive restarts and
 * every instance that shares the file accepts the others' tokens.
 */
public final class SigningKeys {

	private static final Log logger = LogFactory.getLog(SigningKeys.class);

	private final List<RSAKey> keys;

	private SigningKeys(List<RSAKey> keys) {
		if (keys.isEmpty() || !keys.get(0).isPrivate()) {
			throw new IllegalStateException("The token signing key set must start with an RSA private key");
		}
		this.keys = List.copyOf(keys);
	}

	public static SigningKeys load(Resource location) {
		try {
			if (!location.exists()) {
				return generate(location);
			}
			try (InputStream in = location.getInputStream()) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				return text.contains("-----BEGIN") ? new SigningKeys(List.of(fromPem(text)))
						: new SigningKeys(fromJwkSet(text));
			}
		}
		catch (IOException | ParseException | JOSEException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the token signing key at " + location, ex);
		}
	}

	/** A new key kept in memory only: tokens die with the process (ephemeral mode writes no file). */
	static SigningKeys inMemory() {
		try {
			return new SigningKeys(List.of(newKey()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate a token signing key", ex);
		}
	}

	public RSAKey signingKey() {
		return this.keys.get(0);
	}

	JWKSet jwkSet() {
		return new JWKSet(List.copyOf(this.keys));
	}

	JWKSet publicJwkSet() {
		return jwkSet().toPublicJWKSet();
	}

	private static SigningKeys generate(Resource location) throws IOException, JOSEException {
		if (!location.isFile()) {
			throw new IllegalStateException("No token signing key at " + location
					+ "; a key is generated only for a file location");
		}
		Path file = location.getFile().toPath().toAbsolutePath();
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
		return new SigningKeys(List.of(key));
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
