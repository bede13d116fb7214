package io.notifications.operations;

import io.notifications.support.OnPostgres;

/** {@link ActuatorApiTests} on PostgreSQL: readiness reports that database. */
@OnPostgres
class ActuatorApiOnPostgresTests extends ActuatorApiTests {

}
