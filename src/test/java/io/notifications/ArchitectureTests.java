package io.notifications;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Component;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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

	static final String RESOURCES = "io.notifications.(coworkernotification|systemnotification)..";

	static final String ISSUER = "io.notifications.security.issuer..";

	static final String ISSUER_CONDITION = "io.notifications.security.issuer.ConditionalOnEmbeddedIssuer";

	static JavaClasses classes;

	@BeforeAll
	static void importMainClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.notifications");
	}

	@Test
	void topLevelPackagesHaveNoCycles() {
		slices().matching("io.notifications.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void resourcesDoNotKnowEachOther() {
		slices().matching("io.notifications.(*notification)..").should().notDependOnEachOther().check(classes);
	}

	@Test
	void resourcesKnowOnlyTheSharedMachinery() {
		noClasses().that()
			.resideInAnyPackage("io.notifications.coworkernotification..", "io.notifications.systemnotification..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.notifications.security..", "io.notifications.openapi..",
					"io.notifications.listing..", "io.notifications.ratelimit..")
			.check(classes);
	}

	@Test
	void theSharedMachineryKnowsNoResource() {
		noClasses().that()
			.resideOutsideOfPackages("io.notifications.coworkernotification..", "io.notifications.systemnotification..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.notifications.coworkernotification..", "io.notifications.systemnotification..")
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
