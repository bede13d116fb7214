package io.notifications.resource;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.notifications.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the speed of a request depends on, counted at the connections over real HTTP: a
 * PUT, a DELETE and a GET by Id send one SQL statement each, a create one insert, and
 * authentication none. Commits are not statements and are not counted.
 */
// the revocation list reads the database in the background; not while statements are
// counted
@TestPropertySource(properties = "notifications.security.revocation.poll-interval=1h")
class StatementCountTests extends ApiTestSupport {

	static final String BASE = "/api/spaces/coworkernotifications";

	static final String VALID = """
			{"CoworkerId":5,"Message":"Hello","NotificationType":"blog","EntityId":1}""";

	static final AtomicLong statements = new AtomicLong();

	static final AtomicLong transactions = new AtomicLong();

	@Test
	void eachSingleRecordOperationIsOneStatement() {
		String token = admin();
		int id = createdId(BASE, VALID);
		String replacement = VALID.replace("{", "{\"Id\":" + id + ",");

		assertThat(statements(() -> putJson(BASE, replacement, token))).as("PUT").isEqualTo(1);
		assertThat(statements(() -> get(BASE + "/" + id, token))).as("GET").isEqualTo(1);
		assertThat(statements(() -> postJson(BASE, VALID, token))).as("POST").isEqualTo(1);
		assertThat(statements(() -> delete(BASE + "/" + id, token))).as("DELETE").isEqualTo(1);
		assertThat(statements(() -> putJson(BASE, replacement, token))).as("PUT of a deleted record").isEqualTo(1);
	}

	/**
	 * A single statement needs no transaction around it: a read by Id runs without one
	 * (on PostgreSQL, one round trip instead of three).
	 */
	@Test
	void aGetByIdBeginsNoTransaction() {
		String token = admin();
		int id = createdId(BASE, VALID);
		transactions.set(0);
		assertThat(get(BASE + "/" + id, token).status()).isEqualTo(200);
		assertThat(transactions.get()).isZero();
	}

	private static long statements(Runnable request) {
		statements.set(0);
		request.run();
		return statements.get();
	}

	/** Counts every statement any connection of the pool prepares or creates. */
	@TestConfiguration
	static class CountingDataSource {

		static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (!(bean instanceof DataSource)) {
						return bean;
					}
					ProxyFactory factory = new ProxyFactory(bean);
					factory.addAdvice((org.aopalliance.intercept.MethodInterceptor) (invocation) -> {
						Object result = invocation.proceed();
						return (result instanceof Connection connection) ? counting(connection) : result;
					});
					return factory.getProxy();
				}

			};
		}

		static Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
						if (STATEMENT_METHODS.contains(method.getName())) {
							statements.incrementAndGet();
						}
						if (method.getName().equals("setAutoCommit") && Boolean.FALSE.equals(arguments[0])) {
							transactions.incrementAndGet();
						}
						try {
							return method.invoke(connection, arguments);
						}
						catch (java.lang.reflect.InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
