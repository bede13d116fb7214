package io.notifications.resource;

import java.lang.reflect.Method;
import java.security.Principal;
import java.time.Clock;
import java.util.List;

import io.notifications.database.GroupCommit;
import io.notifications.idempotency.IdempotencyKeys;
import io.notifications.listing.Listing;
import io.notifications.persistence.AuditedEntity;
import io.notifications.web.RequestBodies;
import jakarta.persistence.EntityManager;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Gives every declared {@link ApiResource} its endpoints: a {@link ResourceController} whose
 * methods are mapped under the resource's base path (in the {@link ResourceRouteMapping}), with
 * the store, listing and transactions behind it.
 * <p>
 * The routes of every resource, relative to its base path:
 * <pre>
 * PUT    ""                 update     (application/json or application/x-www-form-urlencoded)
 * POST   ""                 create     (application/json or application/x-www-form-urlencoded)
 * GET    "", "/"  with id   getMany    (batch read)
 * GET    "", "/"            list
 * GET    "/{id}"            get
 * DELETE "/{id}"            delete
 * </pre>
 */
@Component
@Lazy(false) // its routes must exist before the first request, whatever the context's lazy setting
class ResourceRoutes implements SmartInitializingSingleton {

	private final List<ApiResource<?, ?, ?>> resources;

	private final ResourceRouteMapping mapping;

	private final EntityManager entityManager;

	private final JdbcTemplate jdbc;

	private final GroupCommit commits;

	private final PlatformTransactionManager transactions;

	private final RequestBodies bodies;

	private final Clock clock;

	private final IdempotencyKeys keys;

	private final JsonMapper jsonMapper;

	ResourceRoutes(List<ApiResource<?, ?, ?>> resources, ResourceRouteMapping mapping, EntityManager entityManager,
			JdbcTemplate jdbc, GroupCommit commits, PlatformTransactionManager transactions, RequestBodies bodies,
			Clock clock, IdempotencyKeys keys, JsonMapper jsonMapper) {
		this.resources = resources;
		this.mapping = mapping;
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.commits = commits;
		this.transactions = transactions;
		this.bodies = bodies;
		this.clock = clock;
		this.keys = keys;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Registers the routes once every singleton exists: the stores read Hibernate's mapping, which
	 * is built in the background meanwhile (database/JpaBootstrapConfig), and the server takes no
	 * request before this has run.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		TransactionTemplate writes = new TransactionTemplate(this.transactions);
		TransactionTemplate reads = new TransactionTemplate(this.transactions);
		reads.setReadOnly(true);
		for (ApiResource<?, ?, ?> resource : this.resources) {
			register(this.mapping, controller(resource, this.entityManager, this.jdbc, this.commits, writes, reads,
					this.bodies, this.clock, this.keys, this.jsonMapper), resource.basePath());
		}
	}

	private static <E extends AuditedEntity, Q extends Record & ResourceRequest, R extends Record> ResourceController<Q, R> controller(
			ApiResource<E, Q, R> resource, EntityManager entityManager, JdbcTemplate jdbc, GroupCommit commits,
			TransactionTemplate writes, TransactionTemplate reads, RequestBodies bodies, Clock clock,
			IdempotencyKeys keys, JsonMapper jsonMapper) {
		ResourceStore<E> store = new ResourceStore<>(entityManager, jdbc, commits, resource.entityType(),
				resource.newEntity(), resource.requestType());
		Listing<E, R> listing = new Listing<>(resource.name(), resource.recordType(), resource.toRecord(),
				resource.filterAliases());
		ResourceService<E, Q, R> service = new ResourceService<>(resource, store, listing, writes, reads, clock);
		return new ResourceController<>(resource, service, bodies, keys, jsonMapper);
	}

	private static void register(RequestMappingHandlerMapping mapping, ResourceController<?, ?> controller,
			String base) {
		RequestMappingInfo.BuilderConfiguration options = mapping.getBuilderConfiguration();
		String json = MediaType.APPLICATION_JSON_VALUE;
		// as ASP.NET Web API, which Nexudus runs, binds form bodies too
		String form = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
		mapping.registerMapping(RequestMappingInfo.paths(base).methods(RequestMethod.PUT).consumes(json, form)
			.options(options).build(), controller, method("update", HttpServletRequest.class, Principal.class));
		mapping.registerMapping(RequestMappingInfo.paths(base).methods(RequestMethod.POST).consumes(json, form)
			.options(options).build(), controller, method("create", HttpServletRequest.class, Principal.class));
		mapping.registerMapping(RequestMappingInfo.paths(base, base + "/").methods(RequestMethod.GET).params("id")
			.options(options).build(), controller, method("getMany", String.class));
		mapping.registerMapping(RequestMappingInfo.paths(base, base + "/").methods(RequestMethod.GET)
			.options(options).build(), controller, method("list", MultiValueMap.class));
		mapping.registerMapping(RequestMappingInfo.paths(base + "/{id}").methods(RequestMethod.GET)
			.options(options).build(), controller, method("get", int.class));
		mapping.registerMapping(RequestMappingInfo.paths(base + "/{id}").methods(RequestMethod.DELETE)
			.options(options).build(), controller, method("delete", int.class, HttpServletRequest.class, Principal.class));
	}

	private static Method method(String name, Class<?>... parameterTypes) {
		Method method = ReflectionUtils.findMethod(ResourceController.class, name, parameterTypes);
		if (method == null) {
			throw new IllegalStateException("No handler method " + name);
		}
		return method;
	}

}
