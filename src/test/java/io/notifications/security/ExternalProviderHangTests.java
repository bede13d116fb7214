package io.notifications.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An external provider that takes the connection and never answers: a token waits for its
 * keys 3 s, not Spring's default of about 30 s, and is answered 503.
 */
class ExternalProviderHangTests extends ApiTestSupport {

	private static final List<Socket> HELD = new CopyOnWriteArrayList<>();

	private static ServerSocket provider;

	@DynamicPropertySource
	static void silentProvider(DynamicPropertyRegistry registry) throws IOException {
		provider = UnreachableProvider.keySetAt(registry, HELD::add);
	}

	private static int testsStarted;

	@AfterAll
	static void closeProvider() throws IOException {
		provider.close();
	}

	/** Each test starts long after any failed fetch an earlier one left behind. */
	@BeforeEach
	void pastEarlierFailures() {
		this.clock.advance(Duration.ofHours(++testsStarted));
	}

	@Test
	void aProviderThatNeverAnswersIsA503WithinSeconds() {
		long start = System.nanoTime();
		Response response = get("/api/spaces/coworkernotifications/1", UnreachableProvider.bearerWithUnseenKeyId());
		long seconds = (System.nanoTime() - start) / 1_000_000_000;

		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(seconds).isBetween(2L, 8L);
	}

	/**
	 * Spring fetches one at a time while it has no keys: the tokens that waited behind a
	 * fetch that timed out each made one of their own after it (all eight were answered
	 * after 15 s). Now they are the 503 as soon as the first fetch has failed.
	 */
	@Test
	void tokensThatArriveTogetherWaitForOneFetchNotOneEach() throws Exception {
		List<Future<Response>> answers = new ArrayList<>();
		long start = System.nanoTime();
		ExecutorService tokens = Executors.newFixedThreadPool(8);
		try {
			for (int token = 0; token < 8; token++) {
				answers.add(tokens.submit(
						() -> get("/api/spaces/coworkernotifications/1", UnreachableProvider.bearerWithUnseenKeyId())));
			}
			for (Future<Response> answer : answers) {
				assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(503);
			}
		}
		finally {
			tokens.shutdownNow();
		}
		long seconds = (System.nanoTime() - start) / 1_000_000_000;

		assertThat(seconds).isBetween(2L, 8L);
	}

}
