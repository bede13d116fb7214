package io.notifications.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 request written by hand on a socket, for request targets that java.net.http
 * refuses to send, such as the raw brackets of {@code ?id=[1,2,3]} that .NET clients
 * send.
 */
public final class RawHttp {

	private RawHttp() {
	}

	public static Response get(int port, String target, String authorization) {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			String request = "GET " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
					+ ((authorization != null) ? "Authorization: " + authorization + "\r\n" : "")
					+ "Connection: close\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends a request written out in full (it should ask for {@code Connection: close})
	 * from a socket bound to the given loopback address, such as 127.0.0.2, as a client
	 * elsewhere would.
	 */
	public static Response exchange(String fromAddress, int port, String request) {
		return exchange(fromAddress, port, request.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Sends a request given as bytes, which need not be valid UTF-8; see
	 * {@link #exchange(String, int, String)}.
	 */
	public static Response exchange(String fromAddress, int port, byte[] request) {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request);
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Response read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		String text = all.toString(StandardCharsets.UTF_8);
		int split = text.indexOf("\r\n\r\n");
		String[] head = text.substring(0, split).split("\r\n");
		int status = Integer.parseInt(head[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < head.length; i++) {
			int colon = head[i].indexOf(':');
			headers
				.computeIfAbsent(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
				.add(head[i].substring(colon + 1).trim());
		}
		String body = text.substring(split + 4);
		if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", List.of("")).get(0))) {
			body = dechunk(body);
		}
		return new Response(status, HttpHeaders.of(headers, (name, value) -> true), body);
	}

	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int length = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			if (length == 0) {
				return body.toString();
			}
			// chunk lengths count bytes; the bodies here are ASCII JSON except for test
			// data
			byte[] rest = chunked.substring(lineEnd + 2).getBytes(StandardCharsets.UTF_8);
			String chunk = new String(rest, 0, length, StandardCharsets.UTF_8);
			body.append(chunk);
			at = lineEnd + 2 + chunk.length() + 2;
		}
	}

}
