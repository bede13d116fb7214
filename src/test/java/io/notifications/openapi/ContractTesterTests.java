package io.notifications.openapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.notifications.support.ChildApplication;
import io.notifications.support.EndToEnd;
import io.notifications.support.Http;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A contract tester that knows nothing of this server but its served document: Portman
 * turns {@code /v3/api-docs/openapi-3.0.json} into a Postman collection with a request
 * per operation and contract tests (status, content type, JSON schema of the answer,
 * documented headers), plus the variations of
 * {@code src/test/contract/portman-config.json} (bad credentials, unknown Ids, invalid
 * bodies, the batch read without {@code id}); newman runs it against a server started as
 * an operator starts it. The config only chains what a tester must (the token, the
 * created Ids). Besides newman's own verdict, every answer newman got must be a status
 * its operation declares, and every operation must have been called.
 * <p>
 * Portman and newman are npm packages, installed by this test from the committed
 * {@code package-lock.json} into {@code target/contract-tester}. Without node and npm the
 * test is skipped, except in CI ({@code CI=true}), where .ci/run installs them.
 */
@EndToEnd
class ContractTesterTests {

	static final Path SOURCES = Path.of("src/test/contract");

	static final Path INSTALLED = Path.of("target", "contract-tester");

	static final long TIMEOUT_SECONDS = 300;

	/** The user of portman-config.json. */
	static final String USER = "contract@example.com";

	static final String PASSWORD = "contract-secret";

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void theServerAnswersAsItsDocumentSaysToPortmanAndNewman() throws Exception {
		boolean installed = succeeds("node", "--version") && succeeds("npm", "--version");
		if (!installed && "true".equals(System.getenv("CI"))) {
			fail("CI=true but node or npm is missing: .ci/run installs them for the contract tester");
		}
		assumeTrue(installed, "The contract tester (Portman and newman) needs node and npm; skipped");
		Path modules = install();
		Path run = Files.createDirectories(INSTALLED.resolve("run-" + UUID.randomUUID()));
		try (ChildApplication server = ChildApplication.start(run.resolve("server"),
				Map.of("NOTIFICATIONS_SECURITY_USERS_0_EMAIL", USER, "NOTIFICATIONS_SECURITY_USERS_0_PASSWORD",
						"{noop}" + PASSWORD, "NOTIFICATIONS_SECURITY_USERS_0_ROLES", "Administrator"))) {
			Response served = Http.get(server.baseUrl() + "/v3/api-docs/openapi-3.0.json", null);
			assertThat(served.status()).isEqualTo(200);
			Files.writeString(run.resolve("openapi-3.0.json"), served.body(), StandardCharsets.UTF_8);
			JsonNode document = JSON.readTree(served.body());

			Result portman = run(run, "node", modules.resolve("@apideck/portman/bin/portman").toString(), "--local",
					"openapi-3.0.json", "--baseUrl", server.baseUrl(), "--portmanConfigFile",
					SOURCES.resolve("portman-config.json").toAbsolutePath().toString(), "--output", "collection.json",
					"--logAssignVariables", "false");
			assertThat(portman.status()).as(portman.output()).isZero();
			Result newman = run(run, "node", modules.resolve("newman/bin/newman.js").toString(), "run",
					"collection.json", "--reporters", "cli,json", "--reporter-json-export", "newman.json", "--color",
					"off");
			// newman's table of what ran and failed, in the build's log
			System.out.println(newman.output());
			JsonNode report = JSON.readTree(run.resolve("newman.json").toFile()).get("run");

			List<String> failures = new ArrayList<>();
			report.get("failures")
				.forEach((failure) -> failures.add(failure.get("source").get("name").asString() + ": "
						+ failure.get("error").get("test").asString() + ": "
						+ failure.get("error").get("message").asString()));
			assertThat(failures).as("newman's failures").isEmpty();
			assertThat(newman.status()).as(newman.output()).isZero();
			assertEveryAnswerIsDeclaredAndEveryOperationCalled(document, report.get("executions"));
		}
	}

	/**
	 * Each answer's status is one its operation declares; each documented operation was
	 * called.
	 */
	private static void assertEveryAnswerIsDeclaredAndEveryOperationCalled(JsonNode document, JsonNode executions) {
		TreeSet<String> uncalled = new TreeSet<>();
		document.get("paths").properties().forEach((path) -> path.getValue().propertyNames().forEach((method) -> {
			uncalled.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
		}));
		List<String> undeclared = new ArrayList<>();
		for (JsonNode execution : executions) {
			String method = execution.get("request").get("method").asString();
			List<String> segments = new ArrayList<>();
			execution.get("request").get("url").get("path").forEach((segment) -> segments.add(segment.asString()));
			String path = "/" + String.join("/", segments);
			int status = execution.get("response").get("code").asInt();
			String operation = operation(document, method, path);
			assertThat(operation).as(method + " " + path + " is no documented operation").isNotNull();
			uncalled.remove(operation);
			JsonNode responses = document.get("paths")
				.get(operation.substring(operation.indexOf(' ') + 1))
				.get(method.toLowerCase(Locale.ROOT))
				.get("responses");
			if (!responses.has(String.valueOf(status))) {
				undeclared.add(method + " " + path + " answered " + status);
			}
		}
		assertThat(undeclared).as("answers whose status the document does not declare").isEmpty();
		assertThat(uncalled).as("documented operations the contract tester did not call").isEmpty();
	}

	/** The documented operation ("GET /api/x/{id}") a request was sent to. */
	private static String operation(JsonNode document, String method, String path) {
		for (String template : document.get("paths").propertyNames()) {
			Pattern pattern = Pattern.compile("\\Q" + template.replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E");
			if (pattern.matcher(path).matches()
					&& document.get("paths").get(template).has(method.toLowerCase(Locale.ROOT))) {
				return method + " " + template;
			}
		}
		return null;
	}

	/**
	 * Installs the locked Portman and newman into target/contract-tester, once per lock;
	 * answers their node_modules.
	 */
	private static Path install() throws IOException, InterruptedException {
		Files.createDirectories(INSTALLED);
		Path lock = SOURCES.resolve("package-lock.json");
		Path installedLock = INSTALLED.resolve("node_modules/.package-lock.json");
		Path stamp = INSTALLED.resolve("package-lock.json");
		boolean current = Files.exists(installedLock) && Files.exists(stamp) && Files.mismatch(lock, stamp) == -1;
		if (!current) {
			Files.copy(SOURCES.resolve("package.json"), INSTALLED.resolve("package.json"),
					StandardCopyOption.REPLACE_EXISTING);
			Files.copy(lock, stamp, StandardCopyOption.REPLACE_EXISTING);
			Result npm = run(INSTALLED, "npm", "ci", "--no-audit", "--no-fund", "--loglevel", "error");
			assertThat(npm.status()).as("npm ci in " + INSTALLED + ":\n" + npm.output()).isZero();
		}
		return INSTALLED.resolve("node_modules").toAbsolutePath();
	}

	private static Result run(Path directory, String... command) throws IOException, InterruptedException {
		Path output = Files.createTempFile(directory.toAbsolutePath(), "output", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		// Portman reads PORTMAN_* variables into the collection: none from outside
		builder.environment().keySet().removeIf((name) -> name.startsWith("PORTMAN_"));
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
			throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s:\n"
					+ Files.readString(output, StandardCharsets.UTF_8));
		}
		return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

	private static boolean succeeds(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private record Result(int status, String output) {
	}

}
