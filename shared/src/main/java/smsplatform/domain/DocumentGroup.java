package smsplatform.domain;

import java.util.List;
import java.util.Set;

/** One required document: any one of {@code anyOf} satisfies it. */
public record DocumentGroup(List<DocumentKind> anyOf) {

    public DocumentGroup {
        anyOf = List.copyOf(anyOf);
    }

    public static DocumentGroup of(DocumentKind... kinds) {
        return new DocumentGroup(List.of(kinds));
    }

    public boolean isSatisfiedBy(Set<DocumentKind> validKinds) {
        return anyOf.stream().anyMatch(validKinds::contains);
    }
}
