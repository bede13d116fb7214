package io.notifications.database;

import java.io.IOException;
import java.sql.SQLException;

import io.notifications.web.Envelope;
import jakarta.persistence.PersistenceException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.orm.jpa.JpaDialect;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.orm.jpa.JpaVendorAdapter;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers 503 with {@code Retry-After} when the database cannot be reached. Ahead of the
 * general handler, which would answer 500; it takes only exception types no other handler
 * does.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailableHandler {

	static final String MESSAGE = "The database is unavailable. Try again shortly.";

	/** About the time a restarted database or a failover takes. */
	static final String RETRY_AFTER = "5";

	private static final String HIKARI_CLOSED = "Connection is closed";

	/** {@code org.h2.api.ErrorCode.DATABASE_IS_CLOSED}; H2 is a run-time dependency. */
	private static final int H2_DATABASE_IS_CLOSED = 90098;

	private final ObjectProvider<JpaVendorAdapter> vendor;

	private final ObjectProvider<BoundedDatabaseHealth> health;

	DatabaseUnavailableHandler(ObjectProvider<JpaVendorAdapter> vendor, ObjectProvider<BoundedDatabaseHealth> health) {
		this.vendor = vendor;
		this.health = health;
	}

	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ResponseEntity<Envelope> unavailable(Exception ex) {
		this.health.ifAvailable((health) -> health.unavailable(ex));
		return busy();
	}

	/**
	 * A lock not had in time (PostgreSQL's {@code lock_timeout}, a deadlock) is the
	 * database not serving the request now, as much as a connection not had; but it is
	 * there.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<Envelope> busy() {
		return ResponseEntity.status(503)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
			.body(Envelope.failure(503, MESSAGE));
	}

	/**
	 * A lost connection surfaces as a failed statement (SQLState 08..., 57P01 at server
	 * shutdown), then as a failed rollback on the connection Hikari already closed, which
	 * overrides the first.
	 */
	@ExceptionHandler({ TransactionSystemException.class, JpaSystemException.class })
	ResponseEntity<Envelope> lostConnection(Exception ex) throws Exception {
		if (connectionLost(ex)) {
			return unavailable(ex);
		}
		throw ex;
	}

	/**
	 * JPA used directly (a GET by id, the PUT's statement) is not translated on its way
	 * out: a connection that cannot be had arrives as the provider's own exception.
	 */
	@ExceptionHandler(PersistenceException.class)
	ResponseEntity<Envelope> untranslated(PersistenceException ex) throws Exception {
		JpaVendorAdapter vendor = this.vendor.getIfAvailable();
		JpaDialect dialect = (vendor != null) ? vendor.getJpaDialect() : null;
		DataAccessException translated = (dialect != null) ? dialect.translateExceptionIfPossible(ex) : null;
		if (translated instanceof PessimisticLockingFailureException) {
			return busy();
		}
		if (translated instanceof DataAccessResourceFailureException || connectionLost(ex)) {
			return unavailable(ex);
		}
		throw ex;
	}

	/**
	 * Hikari's {@code Connection is closed}, of a connection it evicted, has no SQLState.
	 * The H2 file's storage failing (a full disk) is an {@link IOException} under the
	 * commit, then a closed database.
	 */
	static boolean connectionLost(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				String state = (sql.getSQLState() != null) ? sql.getSQLState() : "";
				if (state.startsWith("08") || state.startsWith("57P") || HIKARI_CLOSED.equals(sql.getMessage())
						|| sql.getErrorCode() == H2_DATABASE_IS_CLOSED) {
					return true;
				}
			}
			if (cause instanceof IOException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
