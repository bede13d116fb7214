package io.notifications;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasAnnotations;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import io.notifications.resource.ApiResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package boundaries the code keeps: resources are declared in their own packages and
 * know only the shared machinery; the machinery knows no resource; the wire format
 * ({@code web}) and the stored form ({@code persistence}) know neither each other's
 * internals nor security; the embedded token issuer is one package that nothing else
 * reaches into.
 */
class ArchitectureTests {

	static final String ISSUER = "io.notifications.security.issuer..";

	static final String ISSUER_CONDITION = "io.notifications.security.issuer.ConditionalOnEmbeddedIssuer";

	static JavaClasses classes;

	/**
	 * The packages that declare a resource: those of the controllers annotated
	 * {@link ApiResource}.
	 */
	static String[] resources;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ArchitectureTests::notGeneratedBySpringAot)
			.importPackages("io.notifications");
		resources = classes.stream()
			.filter((type) -> type.isAnnotatedWith(ApiResource.class))
			.map((type) -> type.getPackageName() + "..")
			.distinct()
			.toArray(String[]::new);
	}

	/**
	 * The package phase's Spring AOT (pom.xml) writes its bean definitions, proxies and
	 * repositories into target/classes too: generated code that wires every package, not
	 * the code these rules are about.
	 */
	private static final Pattern SPRING_AOT_CLASS = Pattern
		.compile(".*/[^/]*(__|\\$\\$SpringCGLIB\\$\\$)[^/]*\\.class");

	private static boolean notGeneratedBySpringAot(Location location) {
		return !location.matches(SPRING_AOT_CLASS);
	}

	/**
	 * The test harnesses start the server on bean definitions worked out at its build
	 * (Spring AOT, pom.xml) whenever only {@code notifications.ephemeral.*},
	 * {@code logging.*} and {@code server.port} are set: no condition may read those, or
	 * a harness's server would ignore them.
	 */
	@Test
	void noConditionReadsWhatTheHarnessesSetUnderSpringAot() {
		List<String> read = new ArrayList<>();
		for (JavaClass type : classes) {
			Stream.<HasAnnotations<?>>concat(Stream.of(type), type.getMethods().stream()).forEach((element) -> {
				element.tryGetAnnotationOfType(ConditionalOnProperty.class).ifPresent((condition) -> {
					Stream.concat(Stream.of(condition.name()), Stream.of(condition.value()))
						.forEach((name) -> read.add(condition.prefix() + name));
				});
				element.tryGetAnnotationOfType(ConditionalOnBooleanProperty.class).ifPresent((condition) -> {
					Stream.concat(Stream.of(condition.name()), Stream.of(condition.value()))
						.forEach((name) -> read.add(condition.prefix() + name));
				});
				element.tryGetAnnotationOfType(ConditionalOnExpression.class)
					.ifPresent((condition) -> read.add(condition.value()));
			});
		}
		assertThat(read)
			.contains("notifications.rate-limit.enabled", "spring.security.oauth2.resourceserver.jwt.issuer-uri")
			.noneMatch((name) -> name.contains("notifications.ephemeral") || name.contains("logging.")
					|| name.contains("server.port"));
	}

	@Test
	void theResourcesAreFound() {
		assertThat(resources).contains("io.notifications.coworkernotification..",
				"io.notifications.systemnotification..");
	}

	@Test
	void topLevelPackagesHaveNoCycles() {
		slices().matching("io.notifications.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void resourcesDoNotKnowEachOther() {
		for (String resource : resources) {
			noClasses().that()
				.resideInAPackage(resource)
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(
						Stream.of(resources).filter((other) -> !other.equals(resource)).toArray(String[]::new))
				.check(classes);
		}
	}

	@Test
	void resourcesKnowOnlyTheSharedMachinery() {
		noClasses().that()
			.resideInAnyPackage(resources)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.notifications.security..", "io.notifications.openapi..",
					"io.notifications.listing..", "io.notifications.ratelimit..")
			.check(classes);
	}

	@Test
	void theSharedMachineryKnowsNoResource() {
		noClasses().that()
			.resideOutsideOfPackages(resources)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(resources)
			.check(classes);
	}

	@Test
	void persistenceAndTheWireFormatDoNotDependOnTheLayersAboveThem() {
		noClasses().that()
			.resideInAnyPackage("io.notifications.persistence..", "io.notifications.listing..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.notifications.resource..", "io.notifications.security..",
					"io.notifications.openapi..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("io.notifications.web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.notifications.resource..", "io.notifications.security..",
					"io.notifications.openapi..", "io.notifications.listing..", "io.notifications.persistence..")
			.check(classes);
	}

	@Test
	void valueTypesStandOnTheirOwn() {
		noClasses().that()
			.resideInAPackage("io.notifications.value..")
			.should()
			.dependOnClassesThat()
			.resideOutsideOfPackages("io.notifications.value..", "java..", "com.fasterxml.jackson.annotation..")
			.check(classes);
		noClasses().that()
			.resideInAPackage("io.notifications.persistence..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.notifications.web..")
			.check(classes);
	}

	@Test
	void theEmbeddedIssuerIsOnePackageBehindOneCondition() {
		classes().that()
			.resideInAPackage(ISSUER)
			.and()
			.areMetaAnnotatedWith(Component.class)
			.should()
			.beAnnotatedWith(ISSUER_CONDITION)
			.check(classes);
		noClasses().that()
			.resideOutsideOfPackage(ISSUER)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ISSUER)
			.check(classes);
	}

	@Test
	void onlyTheSecurityPackageKnowsHowTokensAreMade() {
		noClasses().that()
			.resideOutsideOfPackage("io.notifications.security..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.security.oauth2.jwt..", "com.nimbusds..")
			.check(classes);
	}

	/** A class that outgrows this has more than one job (issue 23's rule). */
	@Test
	void noMainSourceFileIsOver200Lines() throws IOException {
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			assertThat(sources.filter((path) -> path.toString().endsWith(".java")))
				.allSatisfy((source) -> assertThat(Files.readAllLines(source)).as(source.toString())
					.hasSizeLessThanOrEqualTo(200));
		}
	}

}
