package io.notifications.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A form body as properties to bind: names grouped regardless of case, and a repeated
 * name an array of its values, which no property accepts, so that it fails there. Decoded
 * strictly in the body's charset (UTF-8 if none): a malformed escape or byte sequence
 * makes the body unreadable.
 */
public final class FormBody {

	static final String NOT_FORM = "The request body is not a valid form.";

	private FormBody() {
	}

	public static boolean isForm(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	static ObjectNode properties(byte[] body, String contentType) {
		Charset charset = MediaType.parseMediaType(contentType).getCharset();
		Map<String, List<String>> fields = fields(body, (charset != null) ? charset : StandardCharsets.UTF_8);
		Map<String, String> single = new LinkedHashMap<>();
		fields.forEach((name, values) -> single.put(name, values.get(0)));
		ObjectNode properties = RequestBinder.textFields(single);
		fields.forEach((name, values) -> {
			if (values.size() > 1) {
				ArrayNode repeated = properties.putArray(name);
				values.forEach(
						(value) -> repeated.add(value.isEmpty() ? repeated.nullNode() : repeated.stringNode(value)));
			}
		});
		return properties;
	}

	/**
	 * Whether a form decodes strictly in UTF-8, which OAuth 2's forms are in (RFC 6749
	 * appendix B): one that declares another charset is not.
	 */
	public static boolean isUtf8Form(byte[] body, String contentType) {
		try {
			Charset declared = MediaType.parseMediaType(contentType).getCharset();
			if (declared != null && !declared.equals(StandardCharsets.UTF_8)
					&& !declared.equals(StandardCharsets.US_ASCII)) {
				return false;
			}
			fields(body, StandardCharsets.UTF_8);
			return true;
		}
		catch (IllegalArgumentException | UnreadableBodyException ex) {
			// an unknown charset, or a malformed escape or byte sequence
			return false;
		}
	}

	/** The values of each name under its first spelling, in the order sent. */
	private static Map<String, List<String>> fields(byte[] body, Charset charset) {
		Map<String, String> spellings = new LinkedHashMap<>();
		Map<String, List<String>> fields = new LinkedHashMap<>();
		int start = 0;
		while (start <= body.length) {
			int end = indexOf(body, (byte) '&', start, body.length);
			if (end > start) {
				int equals = indexOf(body, (byte) '=', start, end);
				String name = decode(body, start, equals, charset);
				String value = (equals < end) ? decode(body, equals + 1, end, charset) : "";
				String spelling = spellings.computeIfAbsent(name.toLowerCase(Locale.ROOT), (key) -> name);
				fields.computeIfAbsent(spelling, (key) -> new ArrayList<>()).add(value);
			}
			start = end + 1;
		}
		return fields;
	}

	private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return to;
	}

	private static String decode(byte[] body, int from, int to, Charset charset) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
		for (int i = from; i < to; i++) {
			byte b = body[i];
			if (b == '+') {
				bytes.write(' ');
			}
			else if (b == '%') {
				int high = (i + 2 < to) ? Character.digit(body[i + 1], 16) : -1;
				int low = (high >= 0) ? Character.digit(body[i + 2], 16) : -1;
				if (low < 0) {
					throw new UnreadableBodyException(NOT_FORM);
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				bytes.write(b);
			}
		}
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableBodyException(NOT_FORM, ex);
		}
	}

}
