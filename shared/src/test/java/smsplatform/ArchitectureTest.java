package smsplatform;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import smsplatform.domain.Signature;

/**
 * The shape of the shared module: a pure domain, ports over it, services over the ports, and adapters
 * (AWS, HTTP, carriers, queues, webhooks) that nothing below them uses. {@code json} maps the domain to
 * the API's representation; services use it for the payloads of callback events and page tokens.
 */
class ArchitectureTest {

    /** The module's own classes only: scanning the whole class path for the package takes seconds. */
    private static final JavaClasses SHARED = new ClassFileImporter()
            .importUrl(Signature.class.getProtectionDomain().getCodeSource().getLocation());

    @Test
    void theDomainDependsOnJavaAndOnItselfOnly() {
        classes().that().resideInAPackage("smsplatform.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "smsplatform.domain..")
                .check(SHARED);
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("smsplatform.(**)").should().beFreeOfCycles().check(SHARED);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy("smsplatform.domain..")
                .layer("Support").definedBy("smsplatform.support..")
                .layer("Ports").definedBy("smsplatform.ports..")
                .layer("Json").definedBy("smsplatform.json..")
                .layer("Log").definedBy("smsplatform.log..")
                .layer("Service").definedBy("smsplatform.service..")
                // aws, http, carrier, queue, webhook, and any package added beside them.
                .layer("Adapters").definedBy(resideInAPackage("smsplatform..").and(resideOutsideOfPackages(
                        "smsplatform.domain..", "smsplatform.support..", "smsplatform.ports..", "smsplatform.json..",
                        "smsplatform.log..", "smsplatform.service..")))
                .whereLayer("Domain").mayNotAccessAnyLayer()
                .whereLayer("Support").mayNotAccessAnyLayer()
                .whereLayer("Ports").mayOnlyAccessLayers("Domain")
                .whereLayer("Json").mayOnlyAccessLayers("Domain", "Ports")
                .whereLayer("Log").mayOnlyAccessLayers("Json")
                .whereLayer("Service").mayOnlyAccessLayers("Domain", "Support", "Ports", "Json", "Log")
                .whereLayer("Adapters").mayNotBeAccessedByAnyLayer()
                .check(SHARED);
    }
}
