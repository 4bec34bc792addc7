package smsplatform.domain;

import java.util.Set;

/** Who is calling, from the claims the JWT authorizer verified; never from a request body. */
public record Caller(String accountId, AccountType accountType, String subject, Set<String> scopes) {

    public static final String REVIEWER_SCOPE = "sms/reviewer";

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean isReviewer() {
        return scopes.contains(REVIEWER_SCOPE);
    }
}
