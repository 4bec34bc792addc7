package smsplatform.domain;

import java.time.Instant;

/**
 * A carrier's delivery receipt as kept on the message (DESIGN §11): the carrier's own status word
 * (SNS's {@code SUCCESS}/{@code FAILURE}, the simulator's), its description, and when the carrier
 * reported it.
 */
public record Receipt(String carrierStatus, String description, Instant at) {}
