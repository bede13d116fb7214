package io.notifications.container;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
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

import io.notifications.NotificationsApplication;
import io.notifications.resource.ResourceController;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The training run of the container's ahead-of-time cache (docs/performance.md): starts
 * the server, sends it the requests clients send first, so that the cache holds what they
 * load, and exits 1 on an unexpected answer, failing the image build. Its user, random
 * password, database and key live only for the run; arguments are the server's and win
 * over these defaults.
 */
public final class StartupTraining {

	/** Enough for the methods' profiles: about a second of work. */
	private static final int ROUNDS = 200;

	private static final String USER = "training@localhost";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern ID = Pattern.compile("\"Id\":(\\d+)");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newHttpClient();

	private final String base;

	private final String basic;

	private StartupTraining(int port, String password) {
		this.base = "http://127.0.0.1:" + port;
		this.basic = "Basic "
				+ Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
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
				new StartupTraining(port, password).run(password, resources(context));
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

	/** A repeated property would be read as both values, joined by a comma. */
	private static void addUnlessGiven(List<String> arguments, String property, String value) {
		if (arguments.stream().noneMatch((argument) -> argument.startsWith("--" + property + "="))) {
			arguments.add("--" + property + "=" + value);
		}
	}

	/**
	 * A create first, for the record the others act on; then each route with JSON and a
	 * form, Bearer and Basic; then the refusals clients meet first.
	 */
	private void run(String password, List<Resource> resources) throws IOException, InterruptedException {
		String tokenAnswer = expect(200, post("/api/token", null, "application/x-www-form-urlencoded",
				"grant_type=password&username=" + USER + "&password=" + password));
		String bearer = "Bearer " + group(ACCESS_TOKEN, tokenAnswer);
		for (int round = 0; round < ROUNDS; round++) {
			for (Resource resource : resources) {
				String id = group(ID,
						expect(200, post(resource.base(), bearer, "application/json", resource.body(null))));
				for (Route route : resource.routes()) {
					String path = route.path().replace("{id}", id) + (route.batch() ? "?id=[" + id + "]" : "");
					switch (route.method()) {
						case "PUT" -> {
							expect(200, send("PUT", path, bearer, "application/json", resource.body(id)));
							expect(200, send("PUT", path, this.basic, "application/x-www-form-urlencoded",
									resource.form(id)));
						}
						case "GET" -> {
							expect(200, send("GET", path, bearer, null, null));
							expect(200, send("GET", path, this.basic, null, null));
						}
						case "POST", "DELETE" -> {
							// the create came first; the delete comes last
						}
						default -> throw new AssertionError("No training for " + route.method());
					}
				}
				expect(401, send("GET", resource.base() + "/" + id, null, null, null));
				expect(400, send("PUT", resource.base(), bearer, "application/json", "{\"Id\":" + id + "}"));
				expect(200, send("DELETE", resource.base() + "/" + id, bearer, null, null));
				expect(404, send("GET", resource.base() + "/" + id, bearer, null, null));
			}
		}
	}

	private static List<Resource> resources(ConfigurableApplicationContext context) {
		RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		List<Resource> resources = new ArrayList<>();
		for (ResourceController<?, ?, ?> controller : context.getBeansOfType(ResourceController.class).values()) {
			List<Route> routes = new ArrayList<>();
			mapping.getHandlerMethods().forEach((info, handler) -> {
				if (handler.getBeanType() == controller.getClass()) {
					boolean batch = !info.getParamsCondition().getExpressions().isEmpty();
					info.getPatternValues()
						.forEach((pattern) -> info.getMethodsCondition()
							.getMethods()
							.forEach((method) -> routes.add(new Route(method.name(), pattern, batch))));
				}
			});
			resources.add(new Resource(controller.declared().basePath(), controller.declared().example(), routes));
		}
		return resources;
	}

	private record Resource(String base, String example, List<Route> routes) {

		String body(String id) {
			return "{" + ((id != null) ? "\"Id\":" + id + "," : "") + this.example + "}";
		}

		String form(String id) {
			StringBuilder form = new StringBuilder("Id=" + id);
			JSON.readTree(body(null))
				.properties()
				.forEach((field) -> form.append('&')
					.append(field.getKey())
					.append('=')
					.append(URLEncoder.encode(field.getValue().asString(), StandardCharsets.UTF_8)));
			return form.toString();
		}

	}

	private record Route(String method, String path, boolean batch) {
	}

	private HttpResponse<String> post(String path, String authorization, String contentType, String body)
			throws IOException, InterruptedException {
		return send("POST", path, authorization, contentType, body);
	}

	private HttpResponse<String> send(String method, String path, String authorization, String contentType, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
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
