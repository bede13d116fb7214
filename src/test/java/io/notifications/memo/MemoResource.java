package io.notifications.memo;

import java.util.Map;

import io.notifications.resource.ApiResource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The memo resource, declared once (test sources only). */
@Configuration(proxyBeanMethods = false)
public class MemoResource {

	public static final String BASE = "/api/spaces/memos";

	@Bean
	ApiResource<Memo, MemoRequest, MemoRecord> memos() {
		return new ApiResource<>("Memo", BASE, Memo.class, Memo::new, MemoRequest.class,
				MemoRecord.class, MemoRecord::of, Map.of("Topic", "Subject"), """
						"Subject":"Water the plants","Pinned":true""");
	}

}
