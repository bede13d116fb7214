package io.notifications.resource;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.notifications.idempotency.IdempotencyKeys;
import io.notifications.listing.ListPage;
import io.notifications.listing.Listing;
import io.notifications.persistence.AuditedEntity;
import io.notifications.web.Envelope;
import io.notifications.web.ErrorItem;
import io.notifications.web.OnUpdate;
import io.notifications.web.WireBody;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import static io.notifications.web.JsonContentType.ANY_JSON;
import static io.notifications.web.JsonContentType.JSON;
import static org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE;

/**
 * The endpoints every Nexudus resource has, for controllers carrying {@link ApiResource}.
 * Writes take forms too, as ASP.NET Web API, which Nexudus runs, binds them. ETags,
 * preconditions and idempotency keys: docs/conditional-requests.md.
 */
public abstract class ResourceController<E extends AuditedEntity, Q extends Record & ResourceRequest, R extends Record> {

	/** The header of the IETF draft "The Idempotency-Key HTTP Header Field". */
	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** Of the Id in a 412: the record was changed or deleted since it was read. */
	public static final String MODIFIED = "was modified by someone else";

	/** A 422's message, with no property at fault (the contract's {@code Errors: []}). */
	public static final String KEY_REUSED = "The Idempotency-Key was already used for a different request.";

	/** What a 409 says of a key whose first request has not been answered yet. */
	public static final String KEY_IN_FLIGHT = "is in use by a request still in progress";

	private final DeclaredResource declared;

	private final ResourceRepository<E> repository;

	private final ResourceService<E, Q, R> service;

	private final ResourceServices shared;

	@SuppressWarnings("unchecked")
	protected ResourceController(ResourceServices shared, ResourceRepository<E> repository, Supplier<E> newEntity,
			Function<E, R> toRecord) {
		this.declared = DeclaredResource.of(getClass());
		this.repository = repository;
		this.shared = shared;
		this.service = new ResourceService<>(repository, newEntity, toRecord,
				new WritableFields(this.declared.requestType(), this.declared.entityType()),
				new Listing<>(this.declared.name(), (Class<R>) this.declared.recordType(), toRecord,
						this.declared.filterAliases()),
				shared);
	}

	public DeclaredResource declared() {
		return this.declared;
	}

	public ResourceRepository<E> repository() {
		return this.repository;
	}

	@PutMapping(consumes = { JSON, APPLICATION_FORM_URLENCODED_VALUE }, produces = { JSON, ANY_JSON })
	@Needs(Action.EDIT)
	public ResponseEntity<Envelope> update(@WireBody(groups = OnUpdate.class) Q request, HttpServletRequest http,
			Principal caller) {
		ResourceService.Replaced replaced = this.service.update(request, caller.getName(), EntityTags.conditions(http));
		return ResponseEntity.ok()
			.eTag(replaced.etag())
			.body(Envelope.updated(this.declared.name(), request.id(), replaced.on(), caller.getName()));
	}

	/** An {@code Idempotency-Key} is claimed first, its answer stored with the record. */
	@PostMapping(consumes = { JSON, APPLICATION_FORM_URLENCODED_VALUE }, produces = { JSON, ANY_JSON })
	@Needs(Action.CREATE)
	public ResponseEntity<?> create(@WireBody(ignore = "Id") Q request, HttpServletRequest http, Principal caller,
			@Parameter(hidden = true) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key) {
		if (key == null) {
			ResourceService.Created<R> created = this.service.create(request, caller.getName(), (stored) -> {
			});
			return ResponseEntity.ok().eTag(created.etag()).body(created(created, caller));
		}
		// one line: Spring would join two lines into a third key
		if (!IdempotencyKeys.isValid(key) || Collections.list(http.getHeaders(IDEMPOTENCY_KEY)).size() > 1) {
			return failure(400, new ErrorItem(key, ErrorItem.NOT_VALID, IDEMPOTENCY_KEY));
		}
		IdempotencyKeys keys = this.shared.keys();
		IdempotencyKeys.Claim claim = keys.claim(caller.getName(), key,
				IdempotencyKeys.fingerprint(http.getMethod(), http.getRequestURI(), this.shared.bodies().body(http)));
		if (claim instanceof IdempotencyKeys.Stored stored) {
			return json(stored.status(), stored.body(), stored.etag());
		}
		if (claim instanceof IdempotencyKeys.Refused refused) {
			return (refused == IdempotencyKeys.Refused.DIFFERENT_REQUEST)
					? ResponseEntity.status(422).body(Envelope.failure(422, KEY_REUSED))
					: failure(409, new ErrorItem(key, KEY_IN_FLIGHT, IDEMPOTENCY_KEY));
		}
		IdempotencyKeys.Claimed claimed = (IdempotencyKeys.Claimed) claim;
		String[] answer = new String[1];
		try {
			ResourceService.Created<R> created = this.service.create(request, caller.getName(), (stored) -> {
				answer[0] = this.shared.jsonMapper().writeValueAsString(created(stored, caller));
				keys.complete(claimed, 200, answer[0], stored.etag());
			});
			return json(200, answer[0], created.etag());
		}
		catch (IdempotencyKeys.TakenOver ex) {
			// a retry took the key over meanwhile: its create stands, this one was undone
			return failure(409, new ErrorItem(key, KEY_IN_FLIGHT, IDEMPOTENCY_KEY));
		}
		catch (RuntimeException ex) {
			// nothing was created: a retry may run it again
			keys.release(claimed);
			throw ex;
		}
	}

	/**
	 * RFC 9110 13.2.2: If-Match, then If-None-Match ({@code *} here; a tag, Spring's).
	 */
	@GetMapping("/{id}")
	@Needs(Action.READ)
	public ResponseEntity<R> read(@PathVariable int id, HttpServletRequest http) {
		EntityTags.Conditions conditions = EntityTags.conditions(http);
		ResourceService.Read<R> read = this.service.read(id);
		if (conditions.ifMatch() != null && !conditions.ifMatch().allows(id, read.version())) {
			throw PreconditionFailedException.moved(conditions.ifMatch().sent());
		}
		if (conditions.ifNoneMatch() != null && conditions.ifNoneMatch().any()) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(read.etag()).build();
		}
		return ResponseEntity.ok().eTag(read.etag()).body(read.record());
	}

	/** Nexudus's batch read, {@code ?id=[1,2,3]}, with or without the trailing slash. */
	@GetMapping(path = { "", "/" }, params = "id")
	@Needs(Action.READ)
	public List<R> batchRead(@RequestParam("id") String ids) {
		return this.service.batchRead(ids);
	}

	@GetMapping({ "", "/" })
	@Needs(Action.LIST)
	public ListPage<R> list(@RequestParam MultiValueMap<String, String> parameters) {
		return this.service.list(parameters);
	}

	@DeleteMapping(path = "/{id}", produces = { JSON, ANY_JSON })
	@Needs(Action.DELETE)
	public ResponseEntity<Envelope> delete(@PathVariable int id, HttpServletRequest http, Principal caller) {
		return ResponseEntity.ok(Envelope.deleted(this.declared.name(), id,
				this.service.delete(id, EntityTags.conditions(http)), caller.getName()));
	}

	/** A condition of a read or write failed: nothing changed. */
	@ExceptionHandler
	ResponseEntity<Envelope> preconditionFailed(PreconditionFailedException ex) {
		return failure(412, ex.error());
	}

	private Envelope created(ResourceService.Created<R> created, Principal caller) {
		return Envelope.created(this.declared.name(), created.record(), created.on(), caller.getName());
	}

	private static ResponseEntity<Envelope> failure(int status, ErrorItem error) {
		return ResponseEntity.status(status).body(Envelope.failure(status, List.of(error)));
	}

	/** An answer as stored with its key, byte for byte. */
	private static ResponseEntity<byte[]> json(int status, String body, String etag) {
		return ResponseEntity.status(status)
			.eTag(etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

}
