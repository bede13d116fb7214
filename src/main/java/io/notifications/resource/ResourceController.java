package io.notifications.resource;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import io.notifications.idempotency.IdempotencyKeys;
import io.notifications.listing.ListPage;
import io.notifications.web.Envelope;
import io.notifications.web.ErrorItem;
import io.notifications.web.OnUpdate;
import io.notifications.web.RecordIdentity;
import io.notifications.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The endpoints of one resource. One instance serves each {@link ApiResource}; {@link ResourceRoutes}
 * maps its methods under the resource's base path, so the paths live in the descriptor alone.
 * <p>
 * Single-record answers carry the record's {@code ETag}; a GET with a matching
 * {@code If-None-Match} gets 304 (Spring compares it), a PUT or DELETE with an {@code If-Match}
 * naming an older version 412, and a POST with an {@code Idempotency-Key} that was already used
 * the first answer again.
 *
 * @param <Q> the request type
 * @param <R> the record type
 */
@ResponseBody
public final class ResourceController<Q extends Record & ResourceRequest, R extends Record> {

	/** The header of the IETF draft "The Idempotency-Key HTTP Header Field". */
	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** What a 412 says of the Id: another request changed or deleted the record since it was read. */
	public static final String MODIFIED = "was modified by someone else";

	/** What a 422 says of a key first sent with another request. */
	public static final String KEY_REUSED = "was already used for a different request";

	/** What a 409 says of a key whose first request has not been answered yet. */
	public static final String KEY_IN_FLIGHT = "is in use by a request still in progress";

	/** A create assigns the Id, whatever the body holds. */
	private static final Set<String> SERVER_ASSIGNED = Set.of("Id");

	private final ApiResource<?, Q, R> resource;

	private final ResourceService<?, Q, R> service;

	private final RequestBodies bodies;

	private final IdempotencyKeys keys;

	private final JsonMapper jsonMapper;

	ResourceController(ApiResource<?, Q, R> resource, ResourceService<?, Q, R> service, RequestBodies bodies,
			IdempotencyKeys keys, JsonMapper jsonMapper) {
		this.resource = resource;
		this.service = service;
		this.bodies = bodies;
		this.keys = keys;
		this.jsonMapper = jsonMapper;
	}

	/** {@code PUT {base}}: replaces the record that the body's Id names. */
	ResponseEntity<Envelope> update(HttpServletRequest http, Principal caller) {
		Q request = this.bodies.read(http, this.resource.requestType(), Set.of(), OnUpdate.class);
		ResourceService.Replaced replaced;
		try {
			replaced = this.service.update(request, caller.getName(), EntityTags.ifMatch(http));
		}
		catch (PreconditionFailedException ex) {
			return preconditionFailed(ex);
		}
		return ResponseEntity.ok()
			.eTag(replaced.etag())
			.body(Envelope.success(200, this.resource.name() + " was successfully updated.",
					new RecordIdentity(request.id()), replaced.on(), caller.getName()));
	}

	/**
	 * {@code POST {base}}: creates a record and answers it whole. With an {@code Idempotency-Key},
	 * the key is claimed first and the answer stored with it in the creating transaction.
	 */
	ResponseEntity<?> create(HttpServletRequest http, Principal caller) {
		String key = http.getHeader(IDEMPOTENCY_KEY);
		if (key == null) {
			Q request = this.bodies.read(http, this.resource.requestType(), SERVER_ASSIGNED);
			ResourceService.Created<R> created = this.service.create(request, caller.getName(), (stored) -> {
			});
			return ResponseEntity.ok().eTag(created.etag()).body(createdEnvelope(created, caller));
		}
		if (!IdempotencyKeys.isValid(key)) {
			return failure(400, new ErrorItem(key, ErrorItem.NOT_VALID, IDEMPOTENCY_KEY));
		}
		byte[] body = this.bodies.body(http);
		// an invalid request changes nothing and is refused alike every time: its key is not kept
		Q request = this.bodies.read(http, body, this.resource.requestType(), SERVER_ASSIGNED);
		IdempotencyKeys.Claim claim = this.keys.claim(caller.getName(), key,
				IdempotencyKeys.fingerprint(http.getMethod(), http.getRequestURI(), body));
		if (claim instanceof IdempotencyKeys.Stored stored) {
			return json(stored.status(), stored.body(), stored.etag());
		}
		if (claim == IdempotencyKeys.Refused.DIFFERENT_REQUEST) {
			return failure(422, new ErrorItem(key, KEY_REUSED, IDEMPOTENCY_KEY));
		}
		if (claim == IdempotencyKeys.Refused.IN_FLIGHT) {
			return failure(409, new ErrorItem(key, KEY_IN_FLIGHT, IDEMPOTENCY_KEY));
		}
		IdempotencyKeys.Claimed claimed = (IdempotencyKeys.Claimed) claim;
		String[] answer = new String[1];
		try {
			ResourceService.Created<R> created = this.service.create(request, caller.getName(), (stored) -> {
				answer[0] = this.jsonMapper.writeValueAsString(createdEnvelope(stored, caller));
				this.keys.complete(claimed, 200, answer[0], stored.etag());
			});
			return json(200, answer[0], created.etag());
		}
		catch (RuntimeException ex) {
			// nothing was created: a retry may run it again
			this.keys.release(claimed);
			throw ex;
		}
	}

	/** {@code GET {base}/{id}}; Spring answers 304 when {@code If-None-Match} names its tag. */
	ResponseEntity<R> get(@PathVariable int id) {
		ResourceService.Read<R> read = this.service.get(id);
		return ResponseEntity.ok().eTag(read.etag()).body(read.record());
	}

	/** Nexudus's batch read, {@code GET {base}?id=[1,2,3]}, with or without the trailing slash. */
	List<R> getMany(@RequestParam("id") String ids) {
		return this.service.getMany(ids);
	}

	/** {@code GET {base}}: one page of the list. */
	ListPage<R> list(@RequestParam MultiValueMap<String, String> parameters) {
		return this.service.list(parameters);
	}

	/** {@code DELETE {base}/{id}}. */
	ResponseEntity<Envelope> delete(@PathVariable int id, HttpServletRequest http, Principal caller) {
		try {
			return ResponseEntity.ok(Envelope.deleted(this.resource.name(), id,
					this.service.delete(id, EntityTags.ifMatch(http)), caller.getName()));
		}
		catch (PreconditionFailedException ex) {
			return preconditionFailed(ex);
		}
	}

	private Envelope createdEnvelope(ResourceService.Created<R> created, Principal caller) {
		return Envelope.created(this.resource.name(), created.record(), created.on(), caller.getName());
	}

	private static ResponseEntity<Envelope> preconditionFailed(PreconditionFailedException ex) {
		return failure(412, new ErrorItem(ex.sent(), MODIFIED, "Id"));
	}

	private static ResponseEntity<Envelope> failure(int status, ErrorItem error) {
		return ResponseEntity.status(status).body(Envelope.failure(status, List.of(error)));
	}

	/** An answer as stored with its key, byte for byte. */
	private static ResponseEntity<byte[]> json(int status, String body, String etag) {
		return ResponseEntity.status(status)
			.eTag(etag)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
