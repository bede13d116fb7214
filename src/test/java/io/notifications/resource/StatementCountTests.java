package io.notifications.resource;

import io.notifications.support.ApiTestSupport;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the speed of a request depends on, counted with Hibernate's statistics over real HTTP: a
 * PUT, a DELETE and a GET by Id are one SQL statement each (besides the commit), and a create is
 * one insert. Authentication itself reads nothing from the database.
 */
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class StatementCountTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String VALID = """
			{"CoworkerId":5,"Message":"Hello","NotificationType":"blog","EntityId":1}""";

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void eachSingleRecordOperationIsOneStatement() {
		String token = admin();
		int id = createdId(BASE, VALID);
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

		assertThat(statements(statistics, () -> putJson(BASE, VALID.replace("{",
				"{\"Id\":" + id + ","), token))).as("PUT").isEqualTo(1);
		assertThat(statements(statistics, () -> get(BASE + "/" + id, token))).as("GET").isEqualTo(1);
		assertThat(statements(statistics, () -> postJson(BASE, VALID, token)))
			.as("POST").isEqualTo(1);
		assertThat(statements(statistics, () -> delete(BASE + "/" + id, token))).as("DELETE").isEqualTo(1);
		assertThat(statements(statistics, () -> putJson(BASE, VALID.replace("{",
				"{\"Id\":" + id + ","), token))).as("PUT of a deleted record").isEqualTo(1);
	}

	private static long statements(Statistics statistics, Runnable request) {
		statistics.clear();
		request.run();
		return statistics.getPrepareStatementCount();
	}

}
