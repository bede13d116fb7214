package io.notifications.ephemeral.fault;

import io.notifications.ephemeral.EphemeralProperties;
import io.notifications.ephemeral.journal.Listed;
import io.notifications.web.JsonContentType;
import io.notifications.web.RecordNotFoundException;
import io.notifications.web.WireBody;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /ephemeral/faults}: adds, lists and removes fault rules. */
@RestController
@RequestMapping("/ephemeral/faults")
@Profile(EphemeralProperties.PROFILE)
class FaultController {

	private final FaultRules rules;

	FaultController(FaultRules rules) {
		this.rules = rules;
	}

	@Operation(summary = "Add a fault rule (ephemeral mode only)",
			description = "Answers the next matching requests with RateLimited, ServerError, Unavailable, Delay "
					+ "or Drop. Value: the rule as stored.")
	@PostMapping(consumes = JsonContentType.JSON, produces = { JsonContentType.JSON, JsonContentType.ANY_JSON })
	FaultRule add(@WireBody FaultRequest request) {
		return this.rules.add(request);
	}

	@Operation(summary = "The fault rules, in the order they are tried (ephemeral mode only)")
	@GetMapping
	Listed<FaultRule> list() {
		return Listed.of(this.rules.list());
	}

	@Operation(summary = "Remove a fault rule (ephemeral mode only)")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable int id) {
		if (!this.rules.remove(id)) {
			throw new RecordNotFoundException(id);
		}
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Remove every fault rule (ephemeral mode only)")
	@DeleteMapping
	ResponseEntity<Void> clear() {
		this.rules.clear();
		return ResponseEntity.noContent().build();
	}

}
