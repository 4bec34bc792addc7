package smsplatform.domain;

/** What a send did for one number: a serial number and {@code Ok}, or (no serial number: null) the code that refused it. */
public record SendStatus(SerialNo serialNo, String phoneNumber, String code, String message, int fee,
                         String isoCode, String sessionContext) {}
