package io.notifications.systemnotification;

import java.security.Principal;
import java.util.List;

import io.notifications.listing.ListPage;
import io.notifications.web.Envelope;
import io.notifications.web.JsonBody;
import io.notifications.web.OnUpdate;

import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nexudus's {@code /api/sys/systemnotifications} resource.
 */
@RestController
@RequestMapping(SystemNotificationController.BASE_PATH)
class SystemNotificationController {

	static final String BASE_PATH = "/api/sys/systemnotifications";

	static final String RESOURCE = "SystemNotification";

	private final SystemNotificationService service;

	SystemNotificationController(SystemNotificationService service) {
		this.service = service;
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Envelope update(@JsonBody(groups = OnUpdate.class) SystemNotificationRequest request, Principal caller) {
		SystemNotificationRecord updated = this.service.update(request, caller.getName());
		return Envelope.updated(RESOURCE, updated.id(), updated.updatedOn(), updated.updatedBy());
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Envelope create(@JsonBody(ignored = "Id") SystemNotificationRequest request, Principal caller) {
		SystemNotificationRecord created = this.service.create(request, caller.getName());
		return Envelope.created(RESOURCE, created, created.updatedOn(), created.updatedBy());
	}

	@GetMapping("/{id}")
	SystemNotificationRecord get(@PathVariable int id) {
		return this.service.get(id);
	}

	/** Nexudus's batch read, {@code ?id=[1,2,3]}, with or without the trailing slash. */
	@GetMapping(path = { "", "/" }, params = "id")
	List<SystemNotificationRecord> getMany(@RequestParam("id") String ids) {
		return this.service.getMany(ids);
	}

	@GetMapping({ "", "/" })
	ListPage<SystemNotificationRecord> list(@RequestParam MultiValueMap<String, String> parameters) {
		return this.service.list(parameters);
	}

	@DeleteMapping("/{id}")
	Envelope delete(@PathVariable int id, Principal caller) {
		return Envelope.deleted(RESOURCE, id, this.service.delete(id), caller.getName());
	}

}
