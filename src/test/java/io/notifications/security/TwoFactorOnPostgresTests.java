package io.notifications.security;

import io.notifications.support.OnPostgres;

/**
 * {@link TwoFactorTests} on PostgreSQL, where the last used steps are shared by every
 * instance.
 */
@OnPostgres
class TwoFactorOnPostgresTests extends TwoFactorTests {

}
