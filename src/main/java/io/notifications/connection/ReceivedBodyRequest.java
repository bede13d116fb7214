package io.notifications.connection;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.notifications.web.FormBody;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.util.StringUtils;

/**
 * The request once {@link BodyReadingFilter} has its body: read from memory, with a form
 * POST's parameters parsed as Tomcat would, and typed as the client's request rather than
 * an async dispatch, so that every filter treats it as its first and only pass.
 */
class ReceivedBodyRequest extends HttpServletRequestWrapper {

	private final ByteArrayOutputStream body;

	private Map<String, String[]> parameters;

	private boolean streamTaken;

	ReceivedBodyRequest(HttpServletRequest request, ByteArrayOutputStream body) {
		super(request);
		this.body = body;
	}

	@Override
	public DispatcherType getDispatcherType() {
		return DispatcherType.REQUEST;
	}

	@Override
	public ServletInputStream getInputStream() {
		this.streamTaken = true;
		return new BodyStream(this.body.toByteArray());
	}

	@Override
	public BufferedReader getReader() {
		this.streamTaken = true;
		return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body.toByteArray()), charset()));
	}

	@Override
	public String getParameter(String name) {
		String[] values = parameters().get(name);
		return (values != null) ? values[0] : null;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return Collections.unmodifiableMap(parameters());
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(parameters().keySet());
	}

	@Override
	public String[] getParameterValues(String name) {
		String[] values = parameters().get(name);
		return (values != null) ? values.clone() : null;
	}

	/**
	 * Tomcat parses only the query once the filter has read the body: a form POST's
	 * parameters are merged in here, as Tomcat would, and a form over the limit is
	 * refused as Tomcat refuses one past {@code max-http-form-post-size}.
	 */
	private synchronized Map<String, String[]> parameters() {
		if (this.parameters == null) {
			Map<String, List<String>> merged = new LinkedHashMap<>();
			super.getParameterMap().forEach((name, values) -> merged.put(name, new ArrayList<>(List.of(values))));
			if (!this.streamTaken && isFormPost()) {
				if (this.body.size() > BodyReadingFilter.MAX_BODY_BYTES) {
					throw new InvalidParameterException("The form is over the limit",
							HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
				}
				parseForm(new String(this.body.toByteArray(), charset()), merged);
			}
			Map<String, String[]> parameters = new LinkedHashMap<>();
			merged.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
			this.parameters = parameters;
		}
		return this.parameters;
	}

	private boolean isFormPost() {
		return "POST".equals(getMethod()) && FormBody.isForm(getContentType());
	}

	private void parseForm(String form, Map<String, List<String>> into) {
		for (String pair : StringUtils.delimitedListToStringArray(form, "&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			into.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
	}

	private String decode(String text) {
		try {
			return URLDecoder.decode(text, charset());
		}
		catch (IllegalArgumentException ex) {
			// Tomcat skips a malformed parameter rather than failing the request
			return text;
		}
	}

	private Charset charset() {
		String encoding = getCharacterEncoding();
		try {
			return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private static final class BodyStream extends ServletInputStream {

		private final ByteArrayInputStream in;

		BodyStream(byte[] bytes) {
			this.in = new ByteArrayInputStream(bytes);
		}

		@Override
		public int read() {
			return this.in.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.in.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.in.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new IllegalStateException("The body has already been received");
		}

	}

}
