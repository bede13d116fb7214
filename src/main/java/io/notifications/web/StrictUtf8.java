package io.notifications.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A body is UTF-8 and nothing else. Jackson, given bytes, decodes some malformed UTF-8
 * leniently (the overlong {@code C0 AF} becomes {@code /}) and guesses UTF-16 or UTF-32
 * from zero bytes; either would let a body say what a filter in front did not see.
 */
final class StrictUtf8 {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private StrictUtf8() {
	}

	/** The text, less a leading byte order mark, or null if the bytes are not UTF-8. */
	static String decode(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
