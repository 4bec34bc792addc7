package smsplatform.aws;

import java.time.Duration;

/**
 * Places in the product where the local stack's crash tests pause a function, so that a {@code kill -9}
 * lands exactly there. Only sms-local sets the system property {@value #PROPERTY} ({@code POINT:MILLIS},
 * from {@code ./sms-local start --pause-at}) on the function JVMs; in Lambda every point does nothing.
 */
public final class FaultPoints {

    public static final String PROPERTY = "sms.local.pause-at";

    private FaultPoints() {}

    /** What to run at {@code point}: a pause if sms-local asked for one there, else nothing. */
    public static Runnable pause(String point) {
        return pause(point, System.getProperty(PROPERTY, ""));
    }

    static Runnable pause(String point, String setting) {
        if (!setting.startsWith(point + ":")) {
            return () -> { };
        }
        Duration pause = Duration.ofMillis(Long.parseLong(setting.substring(point.length() + 1)));
        return () -> {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
