package com.herald.delivery.internal;

import com.herald.delivery.MailTransport;
import com.herald.delivery.ReportEmail;
import com.herald.delivery.ReportMailer;
import com.herald.delivery.ScheduleNotices;
import com.herald.delivery.SendReceipt;
import com.herald.delivery.Unsubscribes;
import java.net.URI;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class DefaultReportMailer implements ReportMailer, ScheduleNotices {

    private static final Logger log = LoggerFactory.getLogger(DefaultReportMailer.class);

    private final ReportEmailComposer composer;
    private final MailTransport transport;
    private final Unsubscribes unsubscribes;

    DefaultReportMailer(ReportEmailComposer composer, MailTransport transport, Unsubscribes unsubscribes) {
        this.composer = composer;
        this.transport = transport;
        this.unsubscribes = unsubscribes;
    }

    @Override
    public SendReceipt send(ReportEmail email) {
        URI unsubscribe = unsubscribes.url(email.scheduleId(), email.to());
        SendReceipt receipt = transport.send(composer.compose(email, unsubscribe));
        log.debug("Run {}: report email {} sent: {}", email.runId(), receipt.messageId(), receipt.serverResponse());
        return receipt;
    }

    @Override
    public void autoPaused(
            String ownerEmail,
            String ownerName,
            Locale locale,
            String scheduleName,
            int failures,
            String lastError,
            URI scheduleUrl) {
        transport.send(
                composer.autoPaused(ownerEmail, ownerName, locale, scheduleName, failures, lastError, scheduleUrl));
    }
}
