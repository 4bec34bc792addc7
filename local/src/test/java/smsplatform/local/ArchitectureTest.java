package smsplatform.local;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import smsplatform.domain.Signature;
import smsplatform.functions.callbacks.CallbackDispatcherHandler;
import smsplatform.functions.certificates.CertificateCheckHandler;
import smsplatform.functions.review.ReviewQueueHandler;
import smsplatform.functions.signatures.SignaturesApiHandler;
import smsplatform.functions.sms.SendSmsHandler;

/**
 * Every module's classes together (shared's own layering is ArchitectureTest in shared): no cycle between
 * packages across modules, the functions over shared, and the local stack over everything.
 */
class ArchitectureTest {

    private static final JavaClasses ALL = new ClassFileImporter().importUrls(Stream.of(Signature.class,
                    CallbackDispatcherHandler.class, CertificateCheckHandler.class, ReviewQueueHandler.class,
                    SignaturesApiHandler.class, SendSmsHandler.class, SmsLocal.class)
            .map(c -> c.getProtectionDomain().getCodeSource().getLocation()).toList());

    @Test
    void noPackageOfAnyModuleDependsOnItselfThroughAnother() {
        slices().matching("smsplatform.(**)").should().beFreeOfCycles().check(ALL);
    }

    @Test
    void sharedKnowsNoFunctionAndTheFunctionsKnowNeitherEachOtherNorTheLocalStack() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Shared").definedBy(resideOutsideOfPackages("smsplatform.functions..", "smsplatform.local.."))
                .layer("Functions").definedBy("smsplatform.functions..")
                .layer("Local").definedBy("smsplatform.local..")
                .whereLayer("Functions").mayOnlyAccessLayers("Shared")
                .whereLayer("Functions").mayOnlyBeAccessedByLayers("Local")
                .ensureAllClassesAreContainedInArchitecture()
                .check(ALL);
        slices().matching("smsplatform.functions.(*)..").should().notDependOnEachOther().check(ALL);
    }
}
