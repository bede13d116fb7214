package io.notifications.ephemeral;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reset that waits for a body still coming, while more requests arrive than the server
 * has threads: the body needs a free thread to be handed on, and every thread waited for
 * the reset, which waited for the body, for ever (an outside probe: 200 threads, 210
 * requests). Eight threads here.
 */
@TestPropertySource(properties = "server.tomcat.threads.max=" + ResetOnAFullServerTests.THREADS)
class ResetOnAFullServerTests extends SteeringTestSupport {

	static final int THREADS = 8;

	@Test
	void theBodyStillComingIsHandedOnAndRequestsPastHalfThePoolAreA503() throws Exception {
		assertThat(steer("POST", "/ephemeral/reset", null).status()).isEqualTo(200);
		byte[] body = """
				{"Id":1,"CoworkerId":5,"Message":"Sent slowly","NotificationType":"blog","EntityId":1}"""
			.getBytes(StandardCharsets.UTF_8);
		List<Socket> sockets = new ArrayList<>();
		try {
			Socket put = open(sockets);
			put.getOutputStream()
				.write(("PUT " + COWORKERS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin()
						+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			put.getOutputStream().write(body, 0, 10);
			put.getOutputStream().flush();
			// the PUT has its turn once its headers are in; the reset then waits for it
			Thread.sleep(300);
			CompletableFuture<Response> reset = CompletableFuture
				.supplyAsync(() -> steer("POST", "/ephemeral/reset", null));
			Thread.sleep(300);
			List<Socket> reads = new ArrayList<>();
			for (int i = 0; i < 3 * THREADS; i++) {
				Socket read = open(sockets);
				read.getOutputStream()
					.write(("GET " + COWORKERS + "/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + admin()
							+ "\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
				read.getOutputStream().flush();
				reads.add(read);
			}
			Thread.sleep(300);

			put.getOutputStream().write(body, 10, body.length - 10);
			put.getOutputStream().flush();

			assertThat(statusLine(put)).isEqualTo("HTTP/1.1 200 ");
			assertThat(reset.get(15, TimeUnit.SECONDS).status()).isEqualTo(200);
			int refused = 0;
			for (Socket read : reads) {
				String answer = readAll(read.getInputStream());
				if (answer.startsWith("HTTP/1.1 503 ")) {
					refused++;
					assertThat(answer).contains("\r\nRetry-After: 1\r\n")
						.endsWith("\r\n\r\n" + failure(503, EphemeralConfig.RESTORING));
				}
				else {
					assertThat(answer).startsWith("HTTP/1.1 200 ");
				}
			}
			// at most half the pool waits; the others are refused at once
			assertThat(refused).isGreaterThanOrEqualTo(3 * THREADS - THREADS / 2 - THREADS);
		}
		finally {
			for (Socket socket : sockets) {
				socket.close();
			}
		}
		// the PUT came before the reset, which waited for it and restored the fixture
		assertThat(readRecord(COWORKERS, 1).get("Message").asString()).isEqualTo("Fixture without a UniqueId");
	}

	private Socket open(List<Socket> sockets) throws IOException {
		Socket socket = new Socket("localhost", this.port);
		socket.setSoTimeout(15_000);
		sockets.add(socket);
		return socket;
	}

	private static String statusLine(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) != -1 && b != '\n') {
			line.write(b);
		}
		return line.toString(StandardCharsets.ISO_8859_1).strip() + " ";
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toString(StandardCharsets.ISO_8859_1);
	}

}
