package smsplatform.ports;

import smsplatform.domain.ApplicationKind;
import smsplatform.domain.Page;
import smsplatform.domain.Reviewable;

/** The reviewer queue: applications of all accounts at the MANUAL stage, oldest first. */
public interface AwaitingReview {

    /** {@code kind}: only signatures or only templates; null for both. */
    Page<Reviewable> list(ApplicationKind kind, int limit, String nextToken);
}
