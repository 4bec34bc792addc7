package smsplatform.domain;

import java.time.Instant;
import java.util.List;

public record Rejection(List<ReasonCode> reasons, String comment, Instant rejectedAt) {
    public Rejection {
        reasons = List.copyOf(reasons);
    }
}
