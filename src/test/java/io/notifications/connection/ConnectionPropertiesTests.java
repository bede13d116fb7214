package io.notifications.connection;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The buffered bodies hold one whole body and the byte that shows a chunked one too
 * large.
 */
class ConnectionPropertiesTests {

	@Test
	void theBufferHoldsMoreThanOneMebibyte() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ConnectionProperties(Duration.ofSeconds(9), DataSize.ofMegabytes(1)))
			.withMessage("notifications.connection.max-buffered-bodies must be more than 1 MiB: one whole request "
					+ "body and the byte past it that shows a chunked body too large");
		assertThatNoException()
			.isThrownBy(() -> new ConnectionProperties(Duration.ofSeconds(9), DataSize.ofBytes(1024 * 1024 + 1)));
	}

}
