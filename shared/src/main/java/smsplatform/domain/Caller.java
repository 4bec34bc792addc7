package smsplatform.domain;

import java.util.Set;

/** Who is calling, from the claims the JWT authorizer verified; never from a request body. */
public record Caller(AccountId accountId, AccountType accountType, String subject, Set<String> scopes) {

    public static final String REVIEWER_SCOPE = "sms/reviewer";
    /** Longest {@code sub} taken: it is recorded as the actor of history entries, whose size is bounded. */
    public static final int MAX_SUBJECT = 256;

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean isReviewer() {
        return scopes.contains(REVIEWER_SCOPE);
    }
}
