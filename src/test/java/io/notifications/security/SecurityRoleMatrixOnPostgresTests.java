package io.notifications.security;

import io.notifications.support.OnPostgres;

/** {@link SecurityRoleMatrixTests} on PostgreSQL. */
@OnPostgres
class SecurityRoleMatrixOnPostgresTests extends SecurityRoleMatrixTests {

}
