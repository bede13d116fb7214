package io.notifications.ephemeral;

import java.time.DateTimeException;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.notifications.value.DateTimes;
import io.notifications.web.ErrorItem;
import io.notifications.web.InvalidRequestException;
import io.notifications.web.JsonContentType;
import io.notifications.web.WireBody;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /ephemeral/clock}: reads the server's clock, stops it or moves it, and lets it
 * run with the system's again; a reset leaves it alone.
 */
@RestController
@RequestMapping(path = "/ephemeral/clock", produces = { JsonContentType.JSON, JsonContentType.ANY_JSON })
@Profile(EphemeralProperties.PROFILE)
class ClockController {

	static final String OUT_OF_RANGE = "must keep the clock within the years 1 to 9999";

	private final SteeredClock clock;

	ClockController(SteeredClock clock) {
		this.clock = clock;
	}

	@Operation(summary = "The server's clock (ephemeral mode only)")
	@GetMapping
	ClockState read() {
		return new ClockState(this.clock.instant(), this.clock.isFixed());
	}

	@Operation(summary = "Stop the server's clock at a time, or move it (ephemeral mode only)",
			description = "Takes {\"Now\":\"2025-01-15T10:30:00Z\"} or {\"AdvanceSeconds\":3600}; either leaves the "
					+ "clock standing still.")
	@PostMapping(consumes = JsonContentType.JSON)
	ClockState steer(@WireBody ClockRequest request) {
		if (request.now() != null) {
			this.clock.fix(request.now());
		}
		else {
			this.clock.fix(moved(request.advanceSeconds()));
		}
		return read();
	}

	@Operation(summary = "Let the server's clock run with the system's again (ephemeral mode only)",
			description = "Undoes a stop or a move, and the start of notifications.ephemeral.clock; a test that "
					+ "steered the clock calls it when it is done, since a reset leaves the clock as it is.")
	@DeleteMapping
	ClockState release() {
		this.clock.reset();
		return read();
	}

	/** Where the clock would be: a time the records can store, or a 400. */
	private Instant moved(long seconds) {
		try {
			Instant moved = this.clock.instant().plusSeconds(seconds);
			if (DateTimes.isStorable(moved)) {
				return moved;
			}
		}
		catch (DateTimeException | ArithmeticException ex) {
			// past what Instant holds: out of range as well
		}
		throw new InvalidRequestException(new ErrorItem(seconds, OUT_OF_RANGE, "AdvanceSeconds"));
	}

	@JsonPropertyOrder({ "Now", "Fixed" })
	record ClockState(@JsonProperty("Now") Instant now, @JsonProperty("Fixed") boolean fixed) {
	}

}
