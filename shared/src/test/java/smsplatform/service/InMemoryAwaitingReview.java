package smsplatform.service;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import smsplatform.domain.ApplicationKind;
import smsplatform.domain.Page;
import smsplatform.domain.Reviewable;
import smsplatform.ports.AwaitingReview;

/** The reviewer queue over the in-memory stores: every account's applications awaiting a reviewer, oldest first, one page. */
final class InMemoryAwaitingReview implements AwaitingReview {

    private final InMemorySignatureStore signatures;
    private final InMemoryTemplateStore templates;

    InMemoryAwaitingReview(InMemorySignatureStore signatures, InMemoryTemplateStore templates) {
        this.signatures = signatures;
        this.templates = templates;
    }

    @Override
    public Page<Reviewable> list(ApplicationKind kind, int limit, String nextToken) {
        List<Reviewable> waiting = Stream.concat(signatures.all().stream(), templates.all().stream())
                .map(Reviewable.class::cast)
                .filter(a -> a.awaitsReviewer() && (kind == null || a.kind() == kind))
                .sorted(Comparator.comparing(a -> a.id().value())).limit(limit).toList();
        return new Page<>(waiting, null, waiting.stream().map(a -> a.id().value()).toList());
    }
}
