package smsplatform.local;

/**
 * What {@code ./sms-local} cannot do as asked, told in one line without a stack trace: exit code 2 for a
 * mistake on the command line, 1 for the state of things (a port in use, no stack running).
 */
final class SmsLocalRefusal extends RuntimeException {

    final int exitCode;

    SmsLocalRefusal(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    static SmsLocalRefusal commandLine(String message) {
        return new SmsLocalRefusal(message + " (--help for usage)", 2);
    }

    static SmsLocalRefusal state(String message) {
        return new SmsLocalRefusal(message, 1);
    }
}
