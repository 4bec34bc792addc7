package smsplatform.domain;

/** What a reviewer decides about an application. */
public enum ReviewDecision {
    APPROVE, REJECT;

    /**
     * A decision on one version of an application, as the history records it: a redelivered decision
     * finds its own entry by this key and changes nothing.
     */
    public record Key(ReviewDecision decision, long version) {

        /** The note the history shows for it. */
        public String note() {
            return "decision " + decision.name() + " for version " + version;
        }
    }
}
