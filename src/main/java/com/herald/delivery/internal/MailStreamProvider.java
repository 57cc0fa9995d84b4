package com.herald.delivery.internal;

/**
 * Names Angus Mail's {@code StreamProvider} in the system property Jakarta Mail looks at first. Without it, Jakarta
 * Mail 2.1 runs a {@link java.util.ServiceLoader} lookup through the class path each time it needs a stream encoder:
 * several times for every body part, multipart and encoded header of every message (jakartaee/mail-api#699, #861).
 * That lookup was over a quarter of the CPU time of sending a report email (docs/benchmarks.md, Mail), more in the
 * packaged jar, whose nested jars make each class path lookup slower. With the property set, the provider is created
 * from its class by name.
 */
final class MailStreamProvider {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreamProvider() {}

    /** Sets the property unless it is set already or Angus Mail is not there; idempotent. */
    static void pin() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, MailStreamProvider.class.getClassLoader());
            System.setProperty(PROPERTY, ANGUS);
        } catch (ClassNotFoundException e) {
            // another Jakarta Mail implementation: leave its discovery alone
        }
    }
}
