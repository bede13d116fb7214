package io.notifications;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The training run of the container's ahead-of-time cache (docs/performance.md): starts the
 * server as the image will, sends it the requests a client sends first (a token, then create,
 * update, read, list, batch read and delete of both resources, with JSON, forms, Bearer and Basic,
 * and the common refusals), stops it and exits. The JVM that runs this with
 * {@code -XX:AOTCacheOutput} keeps every class these requests loaded, linked, and the profiles
 * of the methods they ran, so a container's first requests find them ready.
 * <p>
 * The server runs on a loopback port of its own choosing with a user made up here, a random
 * password that is never written anywhere, rate limits high enough for the run, and its H2
 * database and signing key in a temporary directory that is deleted afterwards: nothing of the
 * run is left beside the cache. Arguments are the server's, and win over these defaults.
 * Exits with 1 if any answer is not the one expected, so that the image build fails.
 */
public final class StartupTraining {

	/** Rounds of the requests above: enough for their methods' profiles, about a second of work. */
	private static final int ROUNDS = 200;

	private static final String USER = "training@localhost";

	private static final String COWORKER = "/api/spaces/coworkernotifications";

	private static final String SYSTEM = "/api/sys/systemnotifications";

	private static final String SYSTEM_FIELDS = "\"Title\":\"Maintenance\",\"Severity\":2,"
			+ "\"StartTime\":\"2025-01-15T10:30:00Z\",\"ShortDescription\":\"Short\",\"Description\":\"Long\",\"MessageType\":2";

	private static final Pattern ID = Pattern.compile("\"Id\":(\\d+)");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	private final String basic;

	private StartupTraining(int port, String password) {
		this.base = "http://127.0.0.1:" + port;
		this.basic = "Basic " + Base64.getEncoder()
			.encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public static void main(String[] args) throws Exception {
		String password = randomPassword();
		Path directory = Files.createTempDirectory("notifications-training");
		List<String> arguments = new ArrayList<>(List.of(args));
		addUnlessGiven(arguments, "spring.datasource.url", "jdbc:h2:file:" + directory.resolve("notifications"));
		addUnlessGiven(arguments, "notifications.security.token.key-location",
				"file:" + directory.resolve("token-signing-key.json"));
		addUnlessGiven(arguments, "logging.level.root", "warn");
		addUnlessGiven(arguments, "server.port", "0");
		addUnlessGiven(arguments, "server.address", "127.0.0.1");
		addUnlessGiven(arguments, "notifications.security.users[0].email", USER);
		addUnlessGiven(arguments, "notifications.security.users[0].password", "{noop}" + password);
		addUnlessGiven(arguments, "notifications.security.users[0].roles", "Administrator");
		for (String limit : List.of("writes-per-minute", "requests-per-minute", "writes-per-day", "requests-per-hour",
				"requests-per-day")) {
			addUnlessGiven(arguments, "notifications.rate-limit." + limit, "1000000");
		}
		int status = 0;
		try {
			ConfigurableApplicationContext context = SpringApplication.run(NotificationsApplication.class,
					arguments.toArray(String[]::new));
			try {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				new StartupTraining(port, password).run(password);
			}
			finally {
				SpringApplication.exit(context);
			}
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace();
			status = 1;
		}
		finally {
			FileSystemUtils.deleteRecursively(directory);
		}
		System.exit(status);
	}

	/** A repeated command-line property would be read as both values, joined by a comma. */
	private static void addUnlessGiven(List<String> arguments, String property, String value) {
		if (arguments.stream().noneMatch((argument) -> argument.startsWith("--" + property + "="))) {
			arguments.add("--" + property + "=" + value);
		}
	}

	private void run(String password) throws IOException, InterruptedException {
		String tokenAnswer = expect(200, post("/api/token", null, "application/x-www-form-urlencoded",
				"grant_type=password&username=" + USER + "&password=" + password));
		String bearer = "Bearer " + group(ACCESS_TOKEN, tokenAnswer);
		for (int round = 0; round < ROUNDS; round++) {
			String coworker = group(ID, expect(200, post(COWORKER, bearer, "application/json",
					"{\"CoworkerId\":5,\"Message\":\"Your invoice is ready\",\"NotificationType\":\"coworkerinvoice\",\"EntityId\":42}")));
			expect(200, send("PUT", COWORKER, bearer, "application/json", "{\"Id\":" + coworker
					+ ",\"CoworkerId\":5,\"Message\":\"Round " + round + "\",\"NotificationType\":\"coworkerinvoice\",\"EntityId\":42}"));
			expect(200, send("PUT", COWORKER, bearer, "application/x-www-form-urlencoded", "Id=" + coworker
					+ "&CoworkerId=5&Message=Paid&NotificationType=coworkerinvoice&EntityId=42&IsDismissed=true"));
			expect(200, send("GET", COWORKER + "/" + coworker, bearer, null, null));
			expect(200, send("GET", COWORKER + "/" + coworker, this.basic, null, null));
			expect(200, send("GET", COWORKER + "?page=1&size=2&orderBy=Id&dir=-1", bearer, null, null));
			expect(200, send("GET", COWORKER + "?id=[" + coworker + "]", bearer, null, null));
			String system = group(ID, expect(200, post(SYSTEM, bearer, "application/json", "{" + SYSTEM_FIELDS + "}")));
			expect(200, send("PUT", SYSTEM, bearer, "application/json", "{\"Id\":" + system + "," + SYSTEM_FIELDS + "}"));
			expect(200, send("GET", SYSTEM + "/" + system, bearer, null, null));
			expect(200, send("DELETE", SYSTEM + "/" + system, bearer, null, null));
			expect(200, send("DELETE", COWORKER + "/" + coworker, bearer, null, null));
			// the refusals clients meet first: no credentials, a bad body, a record that is gone
			expect(401, send("GET", COWORKER + "/" + coworker, null, null, null));
			expect(400, send("PUT", COWORKER, bearer, "application/json", "{\"Id\":" + coworker + "}"));
			expect(404, send("GET", COWORKER + "/" + coworker, bearer, null, null));
		}
	}

	private HttpResponse<String> post(String path, String authorization, String contentType, String body)
			throws IOException, InterruptedException {
		return send("POST", path, authorization, contentType, body);
	}

	private HttpResponse<String> send(String method, String path, String authorization, String contentType,
			String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return this.client.send(request.build(), BodyHandlers.ofString());
	}

	private static String expect(int status, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			throw new AssertionError(response.request().method() + " " + response.request().uri() + ": expected "
					+ status + ", got " + response.statusCode() + " " + response.body());
		}
		return response.body();
	}

	private static String group(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		if (!matcher.find()) {
			throw new AssertionError("No " + pattern + " in " + text);
		}
		return matcher.group(1);
	}

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
