package io.notifications.connection;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;

import org.apache.catalina.connector.ClientAbortException;
import org.apache.coyote.BadRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a failed read of a body is answered: as Tomcat reports the failures that
 * {@link BrokenFramingTests} sends over sockets.
 */
class BodyReceptionTests {

	@Test
	void aMalformedChunkIsA400() {
		assertThat(BodyReception.statusFor(new BadRequestException("Invalid chunk header"))).isEqualTo(400);
	}

	@Test
	void aBodyThatStopsShortIsA408WhetherTheSocketTimedOutOrTheStreamEnded() {
		assertThat(BodyReception.statusFor(new SocketTimeoutException())).isEqualTo(408);
		// Tomcat's ClientAbortException is a BadRequestException: the cause decides
		assertThat(BodyReception.statusFor(new ClientAbortException(new EOFException()))).isEqualTo(408);
	}

	@Test
	void aConnectionThatBrokeIsNotAnswered() {
		assertThat(BodyReception.statusFor(new ClientAbortException(new IOException("Connection reset by peer"))))
			.isZero();
		assertThat(BodyReception.statusFor(new IOException("Broken pipe"))).isZero();
	}

}
