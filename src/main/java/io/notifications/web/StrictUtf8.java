package io.notifications.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Jackson decodes some malformed UTF-8 leniently (the overlong {@code C0 AF} becomes
 * {@code /}), which would let a body say what a filter in front did not see.
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
