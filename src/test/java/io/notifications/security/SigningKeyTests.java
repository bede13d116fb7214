package io.notifications.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.notifications.NotificationsApplication;
import io.notifications.support.EndToEnd;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded issuer's signing key: generated once and kept, so a token minted by one
 * run of the server is accepted by the next; loaded from a PEM private key; rotated by a
 * JWK set whose first key signs and whose other keys still verify. Each case starts whole
 * applications on random ports.
 */
@EndToEnd
class SigningKeyTests {

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String PROBE = "/api/spaces/coworkernotifications/1";

	@Test
	void aGeneratedKeyIsKeptSoTokensSurviveARestart() throws Exception {
		Path keyFile = directory().resolve("token-signing-key.json");
		assertThat(keyFile).doesNotExist();

		String token;
		String publishedBefore;
		try (ConfigurableApplicationContext first = start(keyFile)) {
			token = accessToken(first);
			publishedBefore = send(first, "GET", "/.well-known/jwks.json", null, null).body();
			assertThat(send(first, "GET", PROBE, null, "Bearer " + token).statusCode()).isEqualTo(404);
		}
		assertThat(keyFile).exists();
		assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		String stored = Files.readString(keyFile);

		try (ConfigurableApplicationContext second = start(keyFile)) {
			assertThat(send(second, "GET", PROBE, null, "Bearer " + token).statusCode()).isEqualTo(404);
			assertThat(send(second, "GET", "/.well-known/jwks.json", null, null).body()).isEqualTo(publishedBefore);
		}
		assertThat(Files.readString(keyFile)).isEqualTo(stored);
		assertThat(publishedBefore).doesNotContain("\"d\"");
	}

	@Test
	void aPemPrivateKeySignsTheTokens() throws Exception {
		RSAKey key = new RSAKeyGenerator(2048).generate();
		Path keyFile = directory().resolve("signing-key.pem");
		Files.writeString(keyFile,
				"-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(key.toRSAPrivateKey().getEncoded()) + "\n-----END PRIVATE KEY-----\n");

		try (ConfigurableApplicationContext context = start(keyFile)) {
			SignedJWT token = SignedJWT.parse(accessToken(context));

			assertThat(token.verify(new RSASSAVerifier(key))).isTrue();
			assertThat(token.getHeader().getKeyID()).isEqualTo(key.computeThumbprint().toString());
			assertThat(send(context, "GET", PROBE, null, "Bearer " + token.serialize()).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void rotationSignsWithTheFirstKeyAndStillAcceptsTokensOfTheOthers() throws Exception {
		RSAKey retired = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("2024").generate();
		RSAKey current = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("2025").generate();
		RSAKey stranger = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID("2023").generate();
		Path keyFile = directory().resolve("token-signing-keys.json");
		Files.writeString(keyFile, new JWKSet(List.of(current, retired)).toString(false));

		try (ConfigurableApplicationContext context = start(keyFile)) {
			SignedJWT issued = SignedJWT.parse(accessToken(context));
			assertThat(issued.getHeader().getKeyID()).isEqualTo("2025");
			assertThat(issued.verify(new RSASSAVerifier(current))).isTrue();

			assertThat(send(context, "GET", PROBE, null, "Bearer " + mint(retired)).statusCode()).isEqualTo(404);
			assertThat(send(context, "GET", PROBE, null, "Bearer " + mint(stranger)).statusCode()).isEqualTo(401);

			JWKSet published = JWKSet.parse(send(context, "GET", "/.well-known/jwks.json", null, null).body());
			assertThat(published.getKeys()).extracting((jwk) -> jwk.getKeyID()).containsExactly("2025", "2024");
			assertThat(published.getKeys()).allSatisfy((jwk) -> assertThat(jwk.isPrivate()).isFalse());
		}
	}

	@Test
	void aKeyThatCannotBeStoredStopsTheStartUp() throws Exception {
		Path notADirectory = Files.writeString(directory().resolve("a-file"), "");
		Path keyFile = notADirectory.resolve("token-signing-key.json");

		assertThatThrownBy(() -> start(keyFile).close()).hasRootCauseInstanceOf(FileSystemException.class)
			.hasMessageContaining("Cannot generate the token signing key at " + keyFile.toAbsolutePath());
	}

	/** A token like the embedded issuer's, signed by the given key. */
	private static String mint(RSAKey key) {
		return Minter.signRs256(key, Minter.claimsFor("admin@example.com").build());
	}

	private static Path directory() throws IOException {
		return Files.createDirectories(Path.of("target", "test-data", "signing-key-" + UUID.randomUUID()));
	}

	private static ConfigurableApplicationContext start(Path keyFile) {
		// arguments, since the test profile's own key location outranks default
		// properties
		return new SpringApplicationBuilder(NotificationsApplication.class).profiles("test")
			.run("--server.port=0", "--spring.jmx.enabled=false",
					"--notifications.security.token.key-location=file:" + keyFile.toAbsolutePath());
	}

	private static String accessToken(ConfigurableApplicationContext context) throws Exception {
		HttpResponse<String> response = send(context, "POST", "/api/token",
				"grant_type=password&username=admin@example.com&password=admin-secret", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private static HttpResponse<String> send(ConfigurableApplicationContext context, String method, String path,
			String form, String authorization) throws Exception {
		int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, (form != null) ? BodyPublishers.ofString(form) : BodyPublishers.noBody());
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
