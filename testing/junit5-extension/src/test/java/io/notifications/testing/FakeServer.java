package io.notifications.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the server's steering API: records what the harness sends and answers what it is
 * told to, for checking the requests the harness builds against CONTRACT.md section 7.
 */
final class FakeServer implements AutoCloseable {

	/** A request as the fake server received it. */
	record Received(String method, String path, String rawQuery, String authorization, String contentType, String body) {
	}

	/** An answer. */
	record Answer(int status, String body) {
	}

	private final HttpServer server;

	final List<Received> received = new ArrayList<>();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	FakeServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			URI uri = exchange.getRequestURI();
			synchronized (this.received) {
				this.received.add(new Received(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
						exchange.getRequestHeaders().getFirst("Authorization"),
						exchange.getRequestHeaders().getFirst("Content-Type"), body.isEmpty() ? null : body));
			}
			Answer answer = this.answers.getOrDefault(exchange.getRequestMethod() + " " + uri.getPath(),
					new Answer(404, "{\"Status\":404,\"Message\":\"Not found.\",\"Errors\":[],\"WasSuccessful\":false}"));
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			if (answer.status() == 204) {
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
				return;
			}
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		this.server.start();
	}

	/** Answers {@code method path} (path without the query) with this status and body. */
	FakeServer answer(String method, String path, int status, String body) {
		this.answers.put(method + " " + path, new Answer(status, body));
		return this;
	}

	URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	Received last() {
		synchronized (this.received) {
			return this.received.get(this.received.size() - 1);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
