package smsplatform.domain;

import java.time.Instant;

/**
 * Whether a number refused an account's marketing, as of {@code at}: the time of the reply or of the API call that
 * decided it. The latest decision wins, whatever order they are processed in, so a late or repeated "TD" never
 * undoes a later "START". A number that re-subscribed keeps its record with {@code optedOut} false.
 */
public record OptOut(String phoneNumber, boolean optedOut, Instant at, Source source) {

    /** Who decided: the handset by a keyword reply, or the account through the API. */
    public enum Source { REPLY, API }
}
