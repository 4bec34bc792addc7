package smsplatform.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class of adapters on the backend this test JVM shares ({@link AwsBackend#selected}). */
abstract class OnAwsBackend {

    static AwsBackend backend;

    @BeforeAll
    static void selectBackend() throws Exception {
        backend = AwsBackend.selected();
    }

    @AfterAll
    static void closeBackend() throws Exception {
        if (backend != null) {
            backend.close();
        }
    }
}
