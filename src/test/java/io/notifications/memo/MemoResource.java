package io.notifications.memo;

import io.notifications.resource.ApiResource;
import io.notifications.resource.ResourceController;
import io.notifications.resource.ResourceServices;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The memo resource, declared once (test sources only). */
@RestController
@RequestMapping(MemoResource.BASE)
@ApiResource(name = "Memo", filterAliases = "Topic=Subject", example = """
		"Subject":"Water the plants","Pinned":true""")
public class MemoResource extends ResourceController<Memo, MemoRequest, MemoRecord> {

	public static final String BASE = "/api/spaces/memos";

	MemoResource(ResourceServices services, MemoRepository repository) {
		super(services, repository, Memo::new, MemoRecord::of);
	}

}
