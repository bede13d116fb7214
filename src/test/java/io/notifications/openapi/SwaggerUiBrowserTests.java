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
import org.openqa.selenium.Keys;
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
 * newcomer uses it: from {@code /}, Authorize with the password flow on its default
 * settings (so the token request carries {@code Authorization: Basic Og==}), then Try it
 * out on {@code PUT /api/spaces/coworkernotifications} with a record that exists, and the
 * 200 envelope on the page. Without Chromium it is skipped, except in CI
 * ({@code CI=true}), where .ci/run installs it and its absence is a failure.
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

	@Test
	void authorizeWithThePasswordFlowThenTryItOutOnPut() {
		int id = createdId(OpenApiDocumentTests.COWORKER,
				OpenApiDocumentTests.VALID.get(OpenApiDocumentTests.COWORKER));

		this.browser.get("http://localhost:" + this.port + "/");
		click(By.cssSelector("button.authorize"));
		WebElement password = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth_password")));
		WebElement flow = password.findElement(By.xpath("ancestor::div[contains(@class,'auth-container')]"));
		flow.findElement(By.id("oauth_username")).sendKeys(ADMIN);
		password.sendKeys(ADMIN_PASSWORD);
		flow.findElement(By.cssSelector("button.authorize")).click();
		this.wait.until((browser) -> flow.getText().contains("Authorized"));
		click(By.cssSelector("button.btn-done"));

		WebElement put = this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.id("operations-CoworkerNotification-updateCoworkerNotification")));
		put.findElement(By.cssSelector(".opblock-summary-control")).click();
		click(put, By.cssSelector("button.try-out__btn"));
		WebElement body = this.wait
			.until(ExpectedConditions.visibilityOf(put.findElement(By.cssSelector("textarea.body-param__text"))));
		assertThat(body.getAttribute("value")).contains("\"Id\": 1");
		body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		body.sendKeys(
				"""
						{"Id":%d,"CoworkerId":5,"Message":"Sent from Swagger UI","NotificationType":"coworkerinvoice","EntityId":42}"""
					.formatted(id));
		click(put, By.cssSelector("button.execute"));

		WebElement status = this.wait
			.until((browser) -> put.findElements(By.cssSelector(".live-responses-table .response .response-col_status"))
				.stream()
				.findFirst()
				.orElse(null));
		assertThat(status.getText()).isEqualTo("200");
		String shown = put.findElement(By.cssSelector(".live-responses-table .response-col_description pre")).getText();
		JsonNode envelope = json(shown);
		assertThat(envelope.propertyNames()).containsExactly("Status", "Message", "Value", "OpenInDialog",
				"OpenInWindow", "RedirectURL", "JavaScript", "UpdatedOn", "UpdatedBy", "Errors", "WasSuccessful");
		assertThat(envelope.get("Status").asInt()).isEqualTo(200);
		assertThat(envelope.get("Message").asString()).isEqualTo("CoworkerNotification was successfully updated.");
		assertThat(envelope.get("Value").toString()).isEqualTo("""
				{"Id":%d}""".formatted(id));
		assertThat(envelope.get("UpdatedBy").asString()).isEqualTo(ADMIN);
		assertThat(envelope.get("WasSuccessful").asBoolean()).isTrue();
		assertThat(readRecord(OpenApiDocumentTests.COWORKER, id).get("Message").asString())
			.isEqualTo("Sent from Swagger UI");

		assertThat(sentAuthorizations()).containsExactly(Map.entry("/api/token", "Basic Og=="),
				Map.entry(OpenApiDocumentTests.COWORKER, "Bearer"));
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
