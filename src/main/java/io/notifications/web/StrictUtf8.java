package io.notifications.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Tells well-formed UTF-8 from the rest. Jackson decodes some malformed sequences
 * leniently (the overlong {@code C0 AF} becomes {@code /}), which would let a body say
 * what a filter in front of the server did not see; the JDK's decoder refuses overlong
 * forms, encoded surrogates and truncated sequences.
 */
final class StrictUtf8 {

	private StrictUtf8() {
	}

	static boolean isValid(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
