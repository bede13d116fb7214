package io.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.notifications.resource.ApiResource;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
			.importPackages("io.notifications");
		resources = classes.stream()
			.filter((type) -> type.isAnnotatedWith(ApiResource.class))
			.map((type) -> type.getPackageName() + "..")
			.distinct()
			.toArray(String[]::new);
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

}
