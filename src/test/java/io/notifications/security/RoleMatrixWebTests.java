package io.notifications.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;

import io.notifications.persistence.AuditedEntity;
import io.notifications.resource.Action;
import io.notifications.resource.RecordWrites;
import io.notifications.resource.ResourceRepository;
import io.notifications.support.DeclaredOperations;
import io.notifications.support.DeclaredOperations.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ResolvableType;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.util.UriComponentsBuilder;

import static io.notifications.support.Envelopes.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.mock;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

/**
 * The role matrix of every declared operation in the web slice, with post-processed JWTs:
 * the operation's own role and the Administrator pass, every other role of any resource
 * and a caller without roles get the 403 envelope, and a request without credentials the
 * 401 envelope with both challenges. The end-to-end role-matrix tests repeat this over
 * real HTTP with signed tokens.
 */
@ResourceWebSlice
class RoleMatrixWebTests {

	static final String FORBIDDEN = failure(403, "You do not have permission to perform this action.");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	List<ResourceRepository<?>> repositories;

	/** What a GET by Id reads with. */
	@Autowired
	EntityManagerFactory entityManagers;

	final EntityManager entityManager = mock(EntityManager.class);

	@Autowired
	RecordWrites records;

	static Stream<Operation> operations() {
		return DeclaredOperations.all().stream();
	}

	/** Every repository finds, lists, stores and deletes record 1. */
	@BeforeEach
	@SuppressWarnings({ "unchecked", "rawtypes" })
	void everyRecordIsThere() {
		willReturn(this.entityManager).given(this.entityManagers).createEntityManager();
		for (ResourceRepository repository : this.repositories) {
			AuditedEntity record = record(repository);
			willAnswer((invocation) -> java.util.Optional.of(record)).given(repository).findById(any());
			willReturn(record).given(this.entityManager).find(record.getClass(), 1);
			willReturn(List.of(record)).given(repository).findAllById(any());
			willAnswer((invocation) -> new PageImpl<>(List.of(record), invocation.getArgument(1), 1)).given(repository)
				.findAll(any(Specification.class), any(Pageable.class));
			willAnswer((invocation) -> {
				Object created = invocation.getArgument(0);
				ReflectionTestUtils.setField(created, "id", 1);
				return created;
			}).given(repository).save(any());
			willReturn(1).given(repository).deleteRecord(anyInt());
			willReturn(1).given(repository).deleteRecord(anyInt(), anyLong());
		}
		willReturn(OptionalLong.of(1)).given(this.records).replace(any(), anyInt(), any(), any(), any(), any());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void theOperationsRoleAndTheAdministratorPass(Operation operation) {
		for (String role : List.of(operation.role(), Roles.ADMINISTRATOR)) {
			assertThat(send(operation, caller(role))).as(role).hasStatusOk();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void everyOtherRoleAndNoRoleGetTheForbiddenEnvelope(Operation operation) {
		List<String> others = new ArrayList<>(allRoles());
		others.remove(operation.role());
		others.add(null);
		for (String role : others) {
			assertThat(send(operation, caller(role))).as(String.valueOf(role))
				.hasStatus(403)
				.bodyText()
				.isEqualTo(FORBIDDEN);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void noCredentialsGetTheUnauthorizedEnvelopeWithBothChallenges(Operation operation) {
		MvcTestResult result = send(operation, null);

		assertThat(result).hasStatus(401)
			.bodyText()
			.isEqualTo(failure(401, "Authorization has been denied for this request."));
		assertThat(result.getResponse().getHeaders("WWW-Authenticate")).satisfiesExactly(
				(bearer) -> assertThat(bearer).startsWith("Bearer"),
				(basic) -> assertThat(basic).startsWith("Basic realm="));
	}

	private MvcTestResult send(Operation operation, RequestPostProcessor caller) {
		String[] pathAndQuery = operation.path().replace("{id}", "1").split("\\?", 2);
		var request = this.mvc.method(HttpMethod.valueOf(operation.method())).uri(pathAndQuery[0]);
		if (pathAndQuery.length > 1) {
			// MockMvc takes parameters decoded, as the servlet container hands them on
			UriComponentsBuilder.fromUriString("?" + pathAndQuery[1])
				.build()
				.getQueryParams()
				.forEach((name, values) -> values
					.forEach((value) -> request.param(name, URLDecoder.decode(value, StandardCharsets.UTF_8))));
		}
		if (operation.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(operation.body().replace("{id}", "1"));
		}
		if (caller != null) {
			request.with(caller);
		}
		return request.exchange();
	}

	/** A caller with this one role, or none. */
	private static RequestPostProcessor caller(String role) {
		return (role != null) ? jwt().authorities(new SimpleGrantedAuthority(role)) : jwt().authorities(List.of());
	}

	private static List<String> allRoles() {
		List<String> roles = new ArrayList<>();
		for (Class<?> controller : DeclaredOperations.controllers()) {
			for (Action action : Action.values()) {
				roles.add(action.on(DeclaredOperations.name(controller)));
			}
		}
		return roles;
	}

	/** Record 1 of the repository's entity, as a create stamps it. */
	private static AuditedEntity record(ResourceRepository<?> repository) {
		Class<?> type = ResolvableType.forClass(repository.getClass()).as(ResourceRepository.class).resolveGeneric(0);
		try {
			AuditedEntity record = (AuditedEntity) ReflectionUtils.accessibleConstructor(type).newInstance();
			record.markCreated("admin@example.com", Instant.parse("2025-01-15T10:30:00Z"), UUID.randomUUID());
			ReflectionTestUtils.setField(record, "id", 1);
			return record;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
