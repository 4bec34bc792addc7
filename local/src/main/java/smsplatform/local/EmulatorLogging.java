package smsplatform.local;

/** The emulators log through logback; several of their jars ship a logback.xml, so ours is named explicitly. */
final class EmulatorLogging {

    private EmulatorLogging() {}

    static void configure() {
        System.setProperty("logback.configurationFile", "sms-local-logback.xml");
        System.setProperty("logback.statusListenerClass", "ch.qos.logback.core.status.NopStatusListener");
    }
}
