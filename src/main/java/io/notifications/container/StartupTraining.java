package io.notifications.container;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

	private final TrainingClient client;

	private final String basic;

	private StartupTraining(int port, String password) {
		this.client = new TrainingClient("http://127.0.0.1:" + port);
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
		String tokenAnswer = this.client.expect(200, "POST", "/api/token", null, "application/x-www-form-urlencoded",
				"grant_type=password&username=" + USER + "&password=" + password);
		String bearer = "Bearer " + TrainingClient.group(ACCESS_TOKEN, tokenAnswer);
		for (int round = 0; round < ROUNDS; round++) {
			for (Resource resource : resources) {
				String id = TrainingClient.group(ID, this.client.expect(200, "POST", resource.base(), bearer,
						"application/json", resource.body(null)));
				for (Route route : resource.routes()) {
					String path = route.path().replace("{id}", id) + (route.batch() ? "?id=[" + id + "]" : "");
					switch (route.method()) {
						case "PUT" -> {
							this.client.expect(200, "PUT", path, bearer, "application/json", resource.body(id));
							this.client.expect(200, "PUT", path, this.basic, "application/x-www-form-urlencoded",
									resource.form(id));
						}
						case "GET" -> {
							this.client.expect(200, "GET", path, bearer, null, null);
							this.client.expect(200, "GET", path, this.basic, null, null);
						}
						case "POST", "DELETE" -> {
							// the create came first; the delete comes last
						}
						default -> throw new AssertionError("No training for " + route.method());
					}
				}
				this.client.expect(401, "GET", resource.base() + "/" + id, null, null, null);
				this.client.expect(400, "PUT", resource.base(), bearer, "application/json", "{\"Id\":" + id + "}");
				this.client.expect(200, "DELETE", resource.base() + "/" + id, bearer, null, null);
				this.client.expect(404, "GET", resource.base() + "/" + id, bearer, null, null);
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

	private static String randomPassword() {
		byte[] bytes = new byte[24];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
