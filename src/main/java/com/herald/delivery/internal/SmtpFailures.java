package com.herald.delivery.internal;

import com.herald.delivery.DeliveryFailure;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sorts what SMTP threw into the two delivery failure classes. A 5xx reply to RCPT or an address that
 * is not one is the recipient's problem and permanent; a 4xx reply, a refused or broken connection or a
 * timeout is the server's and worth retrying; a 5xx reply to MAIL FROM or DATA (sender refused, message
 * too large, content rejected) is the server's but will not change by retrying.
 */
final class SmtpFailures {

    private SmtpFailures() {}

    static DeliveryFailure classify(MessagingException e) {
        int depth = 0;
        for (Throwable x = e; x != null && depth < 10; x = x.getCause(), depth++) {
            if (x instanceof SMTPAddressFailedException address) {
                String what = "RCPT " + address.getAddress() + ": " + reply(address.getReturnCode(), address);
                return address.getReturnCode() >= 500
                        ? DeliveryFailure.recipient("The server refused the recipient (" + what + ")", e)
                        : DeliveryFailure.smtp("The server deferred the recipient (" + what + ")", e);
            }
        }
        if (e instanceof AddressException) {
            return DeliveryFailure.recipient("Not a valid email address: " + e.getMessage(), e);
        }
        if (e instanceof SMTPSenderFailedException sender) {
            return server("MAIL FROM " + sender.getAddress(), sender.getReturnCode(), sender, e);
        }
        if (e instanceof SMTPSendFailedException send) {
            return server(send.getCommand(), send.getReturnCode(), send, e);
        }
        if (e instanceof SendFailedException failed && present(failed.getInvalidAddresses())) {
            return DeliveryFailure.recipient("The server refused the recipient: " + e.getMessage(), e);
        }
        return DeliveryFailure.smtp("SMTP failed: " + describe(e), e);
    }

    /** Whether the connection can be kept after this failure: only a refused address leaves it clean. */
    static boolean connectionReusable(MessagingException e) {
        return e instanceof SendFailedException
                && !(e instanceof SMTPSendFailedException)
                && !(e instanceof SMTPSenderFailedException);
    }

    private static DeliveryFailure server(String command, int code, Exception reply, MessagingException e) {
        String what = (command == null ? "" : command.strip() + ": ") + reply(code, reply);
        return code >= 500
                ? new DeliveryFailure(DeliveryFailure.SMTP, false, "The server refused the message (" + what + ")", e)
                : DeliveryFailure.smtp("The server deferred the message (" + what + ")", e);
    }

    private static String reply(int code, Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip();
        return message.startsWith(String.valueOf(code)) ? message : (code + " " + message).strip();
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null) {
            text.append(" (")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage())
                    .append(')');
        }
        return text.toString();
    }

    private static boolean present(Address[] addresses) {
        return addresses != null && addresses.length > 0;
    }
}
