package io.notifications.memo;

import io.notifications.resource.ResourceRepository;

/** The stored memos (test sources only). */
public interface MemoRepository extends ResourceRepository<Memo> {

}
