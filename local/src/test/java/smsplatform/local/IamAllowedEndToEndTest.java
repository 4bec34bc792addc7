package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The journey {@link IamEnforcementEndToEndTest} breaks by removing a statement succeeds on template.yaml as written. */
@ResourceLock(SharedStack.MESSAGES)
class IamAllowedEndToEndTest {

    @Test
    void withTheTemplateAsWrittenTheSameJourneySucceedsUnderEnforcement() throws Exception {
        RunningStack stack = SharedStack.of(IamAllowedEndToEndTest.class);
        assertThat(IamEnforcementEndToEndTest.submitThenDelete(stack, "iam-allowed").statusCode()).isEqualTo(204);
        assertThat(Files.readString(stack.dataDir.resolve("logs/iam.log")))
                .contains("ALLOW SignaturesApiFunction s3:ListBucket");
    }
}
