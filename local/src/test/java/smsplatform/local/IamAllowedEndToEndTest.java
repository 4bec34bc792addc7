package smsplatform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** The journey {@link IamEnforcementEndToEndTest} breaks by removing a statement succeeds on template.yaml as written. */
@Execution(ExecutionMode.SAME_THREAD)
class IamAllowedEndToEndTest {

    @Test
    void withTheTemplateAsWrittenTheSameJourneySucceedsUnderEnforcement() throws Exception {
        RunningStack stack = SharedStack.get();
        assertThat(IamEnforcementEndToEndTest.submitThenDelete(stack, "iam-allowed").statusCode()).isEqualTo(204);
        assertThat(Files.readString(stack.dataDir.resolve("logs/iam.log")))
                .contains("ALLOW SignaturesApiFunction s3:ListBucket");
    }
}
