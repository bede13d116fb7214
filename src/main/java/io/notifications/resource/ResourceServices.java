package io.notifications.resource;

import java.time.Clock;

import io.notifications.database.GroupCommit;
import io.notifications.idempotency.IdempotencyKeys;
import io.notifications.persistence.UniqueIds;
import io.notifications.web.RequestBodies;
import jakarta.persistence.EntityManagerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.jpa.EntityManagerFactoryInfo;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/** Injected into each resource's controller once instead of one by one. */
@Component
public final class ResourceServices {

	private final GroupCommit commits;

	private final RecordWrites records;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final Clock clock;

	private final IdempotencyKeys keys;

	private final RequestBodies bodies;

	private final JsonMapper jsonMapper;

	private final UniqueIds uniqueIds;

	private final EntityManagerFactory entityManagers;

	ResourceServices(GroupCommit commits, RecordWrites records, PlatformTransactionManager transactions, Clock clock,
			IdempotencyKeys keys, RequestBodies bodies, JsonMapper jsonMapper, ObjectProvider<UniqueIds> uniqueIds,
			EntityManagerFactory entityManagers) {
		this.entityManagers = (entityManagers instanceof EntityManagerFactoryInfo spring)
				? spring.getNativeEntityManagerFactory() : entityManagers;
		this.commits = commits;
		this.records = records;
		this.writes = new TransactionTemplate(transactions);
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.clock = clock;
		this.keys = keys;
		this.bodies = bodies;
		this.jsonMapper = jsonMapper;
		this.uniqueIds = uniqueIds.getIfAvailable(UniqueIds::random);
	}

	/**
	 * JPA's own factory: Spring's wraps each entity manager in a proxy that joins
	 * transactions, which a read outside one does not need.
	 */
	EntityManagerFactory entityManagers() {
		return this.entityManagers;
	}

	UniqueIds uniqueIds() {
		return this.uniqueIds;
	}

	GroupCommit commits() {
		return this.commits;
	}

	RecordWrites records() {
		return this.records;
	}

	TransactionOperations writes() {
		return this.writes;
	}

	TransactionOperations reads() {
		return this.reads;
	}

	Clock clock() {
		return this.clock;
	}

	IdempotencyKeys keys() {
		return this.keys;
	}

	RequestBodies bodies() {
		return this.bodies;
	}

	JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

}
