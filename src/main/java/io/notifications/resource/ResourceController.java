package io.notifications.resource;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import io.notifications.listing.ListPage;
import io.notifications.web.Envelope;
import io.notifications.web.OnUpdate;
import io.notifications.web.RecordIdentity;
import io.notifications.web.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The endpoints of one resource. One instance serves each {@link ApiResource}; {@link ResourceRoutes}
 * maps its methods under the resource's base path, so the paths live in the descriptor alone.
 *
 * @param <Q> the request type
 * @param <R> the record type
 */
@ResponseBody
public final class ResourceController<Q extends Record & ResourceRequest, R extends Record> {

	/** A create assigns the Id, whatever the body holds. */
	private static final Set<String> SERVER_ASSIGNED = Set.of("Id");

	private final ApiResource<?, Q, R> resource;

	private final ResourceService<?, Q, R> service;

	private final RequestBodies bodies;

	ResourceController(ApiResource<?, Q, R> resource, ResourceService<?, Q, R> service, RequestBodies bodies) {
		this.resource = resource;
		this.service = service;
		this.bodies = bodies;
	}

	/** {@code PUT {base}}: replaces the record that the body's Id names. */
	Envelope update(HttpServletRequest http, Principal caller) {
		Q request = this.bodies.read(http, this.resource.requestType(), Set.of(), OnUpdate.class);
		String name = this.resource.name();
		return Envelope.success(200, name + " was successfully updated.", new RecordIdentity(request.id()),
				this.service.update(request, caller.getName()), caller.getName());
	}

	/** {@code POST {base}}: creates a record and answers it whole. */
	Envelope create(HttpServletRequest http, Principal caller) {
		Q request = this.bodies.read(http, this.resource.requestType(), SERVER_ASSIGNED);
		ResourceService.Created<R> created = this.service.create(request, caller.getName());
		return Envelope.created(this.resource.name(), created.record(), created.on(), caller.getName());
	}

	/** {@code GET {base}/{id}}. */
	R get(@PathVariable int id) {
		return this.service.get(id);
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
	Envelope delete(@PathVariable int id, Principal caller) {
		return Envelope.deleted(this.resource.name(), id, this.service.delete(id), caller.getName());
	}

}
