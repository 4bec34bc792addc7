package smsplatform.bench;

import java.util.ArrayList;
import java.util.List;

/** The AWS calls a traced run made, in order ({@code Service:Operation}); no SDK types, so untraced runs pay nothing. */
public final class TraceLog {

    private static final List<String> CALLS = new ArrayList<>();

    private TraceLog() {}

    static synchronized void record(String call) {
        CALLS.add(call);
    }

    static synchronized List<String> calls() {
        return List.copyOf(CALLS);
    }
}
