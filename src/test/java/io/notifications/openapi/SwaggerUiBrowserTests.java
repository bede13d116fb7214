package io.notifications.openapi;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.notifications.support.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Swagger UI in a real browser, Debian's headless Chromium driven by Selenium, as a
 * newcomer uses it: from {@code /}, the page says who to sign in as; Authorize with the
 * password flow on its default settings (so the token request carries
 * {@code Authorization: Basic Og==}); then, as the page says, Try it out on the create
 * first and on {@code PUT /api/spaces/coworkernotifications} with its example as it is,
 * and the 200 envelopes on the page. A PUT tried before any create answers 404, beside
 * the documented answer that says to create first. Without Chromium it is skipped, except
 * in CI ({@code CI=true}), where .ci/run installs it and its absence is a failure.
 */
class SwaggerUiBrowserTests extends ApiTestSupport {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Duration WAIT = Duration.ofSeconds(60);

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void startChromium() {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && "true".equals(System.getenv("CI"))) {
			fail("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing: .ci/run installs Debian's chromium "
					+ "and chromium-driver");
		}
		assumeTrue(installed, "Swagger UI's browser test needs Debian's chromium and chromium-driver "
				+ "(apt-get install chromium chromium-driver); skipped");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			// root in a container has no user namespace for Chromium's sandbox
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
					"--window-size=1400,2000");
		// the network log shows the headers the page really sent
		options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
		this.wait = new WebDriverWait(this.browser, WAIT);
	}

	@AfterEach
	void stopChromium() throws Exception {
		if (this.browser != null) {
			File screenshot = this.browser.getScreenshotAs(OutputType.FILE);
			Files.copy(screenshot.toPath(), Path.of("target", "swagger-ui-browser-test.png"),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			this.browser.quit();
		}
	}

	/**
	 * A newcomer on a new server (no records, Ids from 1) who does what the page says:
	 * Authorize as it tells, create first, then the PUT example as it is, which updates
	 * the record just created.
	 */
	@Test
	void aNewcomerAuthorizesCreatesFirstThenTriesThePutExampleAsItIs() {
		for (String table : List.of("coworker_notifications", "system_notifications")) {
			this.jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH 1");
		}

		this.browser.get("http://localhost:" + this.port + "/");
		WebElement info = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".info")));
		assertThat(info.getText()).contains("Authorize", "data/generated-password", "client_id", "Create first");
		click(By.cssSelector("button.authorize"));
		WebElement password = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_password")));
		WebElement flow = password.findElement(By.xpath("ancestor::div[contains(@class,'auth-container')]"));
		// who to sign in as, and no text about OAuth2 scopes, which the API has none of
		assertThat(flow.getText()).contains("admin@example.com", "data/generated-password",
				"Leave client_id and client_secret empty");
		assertThat(this.browser.findElements(By.cssSelector(".scope-def"))).isNotEmpty()
			.noneMatch(WebElement::isDisplayed);
		flow.findElement(By.id("oauth_username")).sendKeys(ADMIN);
		password.sendKeys(ADMIN_PASSWORD);
		flow.findElement(By.cssSelector("button.authorize")).click();
		this.wait.until((browser) -> flow.getText().contains("Authorized"));
		click(By.cssSelector("button.btn-done"));

		JsonNode created = tryItOut("operations-CoworkerNotification-createCoworkerNotification", "200");
		assertThat(created.get("Message").asString()).isEqualTo("CoworkerNotification was successfully created.");
		assertThat(created.get("Value").get("Id").asInt()).isEqualTo(1);

		WebElement put = operation("operations-CoworkerNotification-updateCoworkerNotification");
		assertThat(put.getText()).contains("Create the record first", "Record 1, once a create has made it");
		JsonNode envelope = tryItOut("operations-CoworkerNotification-updateCoworkerNotification", "200");
		assertThat(envelope.propertyNames()).containsExactly("Status", "Message", "Value", "OpenInDialog",
				"OpenInWindow", "RedirectURL", "JavaScript", "UpdatedOn", "UpdatedBy", "Errors", "WasSuccessful");
		assertThat(envelope.get("Message").asString()).isEqualTo("CoworkerNotification was successfully updated.");
		assertThat(envelope.get("Value").toString()).isEqualTo("""
				{"Id":1}""");
		assertThat(envelope.get("UpdatedBy").asString()).isEqualTo(ADMIN);
		assertThat(envelope.get("WasSuccessful").asBoolean()).isTrue();
		assertThat(readRecord(OpenApiDocumentTests.COWORKER, 1).get("IsNew").asBoolean()).isFalse();

		assertThat(sentAuthorizations()).containsExactly(Map.entry("/api/token", "Basic Og=="),
				Map.entry(OpenApiDocumentTests.COWORKER, "Bearer"), Map.entry(OpenApiDocumentTests.COWORKER, "Bearer"));
	}

	/**
	 * Whoever tries the PUT example before creating anything gets the 404, and the page
	 * says, beside it, what to do.
	 */
	@Test
	void thePutExampleBeforeAnyCreateAnswers404AndThePageSaysToCreateFirst() {
		this.browser.get("http://localhost:" + this.port + "/");
		click(By.cssSelector("button.authorize"));
		WebElement password = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_password")));
		WebElement flow = password.findElement(By.xpath("ancestor::div[contains(@class,'auth-container')]"));
		flow.findElement(By.id("oauth_username")).sendKeys(ADMIN);
		password.sendKeys(ADMIN_PASSWORD);
		flow.findElement(By.cssSelector("button.authorize")).click();
		this.wait.until((browser) -> flow.getText().contains("Authorized"));
		click(By.cssSelector("button.btn-done"));

		tryItOut("operations-CoworkerNotification-updateCoworkerNotification", "404");
		WebElement put = operation("operations-CoworkerNotification-updateCoworkerNotification");
		WebElement documented = put.findElement(By.cssSelector(".responses-table:not(.live-responses-table) "
				+ "tr.response[data-code='404'] .response-col_description"));
		assertThat(documented.getText()).contains("A new server has none until a create (POST) makes one");
	}

	/**
	 * Try it out before Authorize: the page shows the 401 envelope. The browser opens no
	 * sign-in box of its own, which the 401's Basic challenge would make it do, holding
	 * the request until someone answers it.
	 */
	@Test
	void tryingItOutBeforeAuthorizingShowsThe401AndTheBrowserAsksForNoPassword() {
		this.browser.get("http://localhost:" + this.port + "/");

		JsonNode envelope = tryItOut("operations-CoworkerNotification-updateCoworkerNotification", "401");
		assertThat(envelope.get("Status").asInt()).isEqualTo(401);
		assertThat(envelope.get("WasSuccessful").asBoolean()).isFalse();
		assertThat(sentAuthorizations()).containsExactly(Map.entry(OpenApiDocumentTests.COWORKER, ""));
	}

	/**
	 * Opens an operation, runs Try it out with its example as it is, and answers the JSON
	 * shown, once the status shown is the one expected.
	 */
	private JsonNode tryItOut(String id, String status) {
		WebElement operation = operation(id);
		if (operation.findElements(By.cssSelector("button.try-out__btn.cancel")).isEmpty()) {
			click(operation, By.cssSelector("button.try-out__btn"));
		}
		this.wait
			.until(ExpectedConditions.visibilityOf(operation.findElement(By.cssSelector("textarea.body-param__text"))));
		click(operation, By.cssSelector("button.execute"));
		WebElement shown = this.wait.until((browser) -> operation
			.findElements(By.cssSelector(".live-responses-table .response .response-col_status"))
			.stream()
			.findFirst()
			.orElse(null));
		assertThat(shown.getText()).isEqualTo(status);
		return json(
				operation.findElement(By.cssSelector(".live-responses-table .response-col_description pre")).getText());
	}

	/** The operation's block, opened. */
	private WebElement operation(String id) {
		WebElement operation = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
		if (!operation.getAttribute("class").contains("is-open")) {
			operation.findElement(By.cssSelector(".opblock-summary-control")).click();
		}
		return operation;
	}

	private void click(By locator) {
		this.wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
	}

	/**
	 * Waits for the element to be rendered too: Swagger UI draws an operation's body
	 * after the click that opens it.
	 */
	private void click(WebElement within, By locator) {
		this.wait.until((browser) -> {
			WebElement element = within.findElement(locator);
			return (element.isDisplayed() && element.isEnabled()) ? element : null;
		}).click();
	}

	/**
	 * The API requests the page sent, in order, each with its Authorization scheme
	 * (Basic's value whole).
	 */
	private List<Map.Entry<String, String>> sentAuthorizations() {
		List<Map.Entry<String, String>> sent = new ArrayList<>();
		String server = "http://localhost:" + this.port;
		for (LogEntry entry : this.browser.manage().logs().get("performance")) {
			JsonNode message = json(entry.getMessage()).get("message");
			if (!"Network.requestWillBeSent".equals(message.get("method").asString())) {
				continue;
			}
			JsonNode request = message.get("params").get("request");
			String url = request.get("url").asString();
			if (url.startsWith(server + "/api/")) {
				String path = url.substring(server.length()).replaceFirst("\\?.*", "");
				String authorization = request.get("headers").path("Authorization").asString("");
				sent.add(Map.entry(path, authorization.startsWith("Bearer ") ? "Bearer" : authorization));
			}
		}
		return sent;
	}

}
