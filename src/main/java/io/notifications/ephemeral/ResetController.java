package io.notifications.ephemeral;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import io.notifications.persistence.AuditedEntity;
import io.notifications.web.Envelope;
import io.notifications.web.JsonContentType;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /ephemeral/reset}: restores the fixtures and empties everything else (the
 * journal, the faults and the revocations through {@link EphemeralReset}), in one call,
 * between the tests of a suite. The Administrator's alone (SecurityConfig); outside
 * {@code /api}, as it is no Nexudus endpoint.
 */
@RestController
@Profile(EphemeralProperties.PROFILE)
class ResetController {

	static final String PATH = "/ephemeral/reset";

	private final Fixtures fixtures;

	private final ResetTurns turns;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ResetController(Fixtures fixtures, ResetTurns turns, Clock clock, ApplicationEventPublisher events) {
		this.fixtures = fixtures;
		this.turns = turns;
		this.clock = clock;
		this.events = events;
	}

	@Operation(summary = "Restore the fixtures (ephemeral mode only)",
			description = "Ephemeral mode, for integration tests only and never on a network: empties every "
					+ "resource, the Idempotency-Keys, the request journal, the fault rules and the token revocations, writes the "
					+ "fixtures back with their Ids, and makes new records' Ids start above them again. The clock is "
					+ "left as it is. Administrator only. Value: the records restored per " + "resource.")
	@PostMapping(path = PATH, produces = { JsonContentType.JSON, JsonContentType.ANY_JSON })
	Envelope reset(Principal caller) {
		Map<String, Integer> restored = this.turns.alone(() -> {
			Map<String, Integer> records = this.fixtures.restore();
			this.events.publishEvent(new EphemeralReset());
			return records;
		});
		Instant now = AuditedEntity.storedTime(this.clock.instant());
		return Envelope.success(200, "The fixtures were restored.", restored, now, caller.getName());
	}

}
