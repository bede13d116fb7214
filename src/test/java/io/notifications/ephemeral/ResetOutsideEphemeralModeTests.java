package io.notifications.ephemeral;

import io.notifications.support.ApiTestSupport;
import io.notifications.support.Response;
import org.junit.jupiter.api.Test;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without the ephemeral profile there is no reset: the Administrator finds nothing there,
 * and everyone else is refused as on any path no rule opens.
 */
class ResetOutsideEphemeralModeTests extends ApiTestSupport {

	@Test
	void theResetIsNotThereOutsideEphemeralMode() {
		Response administrator = send("POST", ResetController.PATH, null, (String) null, admin());
		assertThat(administrator.status()).isEqualTo(404);
		Response editor = send("POST", ResetController.PATH, null, (String) null,
				bearer("cn-edit@example.com", "role-secret"));
		assertThat(editor.status()).isEqualTo(403);
		assertThat(editor.body()).isEqualTo(failure(403, "You do not have permission to perform this action."));
	}

}
