package io.notifications.idempotency;

import io.notifications.support.OnPostgres;

/** {@link IdempotencyKeyTests} on PostgreSQL. */
@OnPostgres
class IdempotencyKeyOnPostgresTests extends IdempotencyKeyTests {

}
