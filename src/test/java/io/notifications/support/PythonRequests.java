package io.notifications.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The request that Python's {@code requests} library (2.34) sends for
 * {@code requests.post(url, data={...}, auth=(user, password))} (or {@code put}), byte
 * for byte as captured from it, but for {@code Connection: close} instead of
 * {@code keep-alive}, so that the answer ends with the connection. The form is given
 * already encoded as {@code requests} encodes it ({@code urlencode}: spaces as {@code +},
 * Python's {@code True} as {@code True}).
 */
public final class PythonRequests {

	private PythonRequests() {
	}

	public static Response send(int port, String method, String path, String form, String user, String password) {
		byte[] body = form.getBytes(StandardCharsets.US_ASCII);
		String credentials = Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		String request = method + " " + path + " HTTP/1.1\r\n" + "Host: 127.0.0.1:" + port + "\r\n"
				+ "User-Agent: python-requests/2.34.2\r\n" + "Accept-Encoding: gzip, deflate\r\n" + "Accept: */*\r\n"
				+ "Connection: close\r\n" + "Content-Length: " + body.length + "\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\n" + "Authorization: Basic " + credentials
				+ "\r\n\r\n" + form;
		return RawHttp.exchange("127.0.0.1", port, request);
	}

}
