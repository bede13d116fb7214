package io.notifications.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external provider that answers, but not as a provider does: its body or its headers
 * a byte every second, or 64 MB at the address of its keys. A token is the 503 of an
 * unavailable provider within seconds, and the server does not read the 64 MB.
 */
class ExternalProviderAnswerTests extends ApiTestSupport {

	private static final int HUGE = 64 * 1024 * 1024;

	private static final AtomicLong SENT = new AtomicLong();

	private static volatile Answer answer;

	private static ServerSocket provider;

	@DynamicPropertySource
	static void misbehavingProvider(DynamicPropertyRegistry registry) throws IOException {
		provider = UnreachableProvider.keySetAt(registry, ExternalProviderAnswerTests::answer);
	}

	@AfterAll
	static void closeProvider() throws IOException {
		provider.close();
	}

	private static int testsStarted;

	/** Each test starts long after any failed fetch an earlier one left behind. */
	@BeforeEach
	void pastEarlierFailures() {
		this.clock.advance(Duration.ofHours(++testsStarted));
		SENT.set(0);
	}

	@Test
	void aProviderThatSendsAByteASecondIsA503WithinSeconds() {
		answer = (out) -> {
			send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n");
			for (int second = 0; second < 20; second++) {
				send(out, " ");
				sleep(Duration.ofSeconds(1));
			}
		};

		assertA503WithinSeconds();
	}

	@Test
	void aProviderThatSendsItsHeadersAByteASecondIsA503WithinSeconds() {
		answer = (out) -> {
			for (char next : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n".toCharArray()) {
				send(out, String.valueOf(next));
				sleep(Duration.ofSeconds(1));
			}
		};

		assertA503WithinSeconds();
	}

	@Test
	void keysOfManyMegabytesAreA503AndAreNotReadWhole() throws InterruptedException {
		answer = (out) -> {
			send(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + HUGE + "\r\n\r\n");
			byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
			while (SENT.get() < HUGE) {
				out.write(spaces);
				SENT.addAndGet(spaces.length);
			}
		};

		Response response = get("/api/spaces/coworkernotifications/1", UnreachableProvider.bearerWithUnseenKeyId());

		assertThat(response.body()).isEqualTo(failure(503, "The identity provider is unavailable. Try again shortly."));
		Thread.sleep(500);
		// the megabyte read, and what the connection's buffers took before it was closed
		assertThat(SENT.get()).isLessThan(16L * 1024 * 1024);
	}

	private void assertA503WithinSeconds() {
		long start = System.nanoTime();
		Response response = get("/api/spaces/coworkernotifications/1", UnreachableProvider.bearerWithUnseenKeyId());
		long seconds = (System.nanoTime() - start) / 1_000_000_000;

		assertThat(response.body()).isEqualTo(failure(503, "The identity provider is unavailable. Try again shortly."));
		assertThat(seconds).isBetween(2L, 8L);
	}

	private static void answer(Socket connection) {
		try (connection) {
			InputStream in = connection.getInputStream();
			int matched = 0;
			// to the end of the request's headers
			while (matched < 4) {
				int read = in.read();
				if (read < 0) {
					return;
				}
				matched = (read == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((read == '\r') ? 1 : 0);
			}
			answer.send(connection.getOutputStream());
		}
		catch (IOException ex) {
			// the server closed the connection
		}
	}

	private static void send(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What the provider sends to a request for its keys. */
	@FunctionalInterface
	private interface Answer {

		void send(OutputStream out) throws IOException;

	}

}
