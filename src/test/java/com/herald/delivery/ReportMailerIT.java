package com.herald.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.herald.support.IntegrationTest;
import com.herald.support.Outbox;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Without SMTP a report email lands in the outbox as it would have gone out, its links working. */
@IntegrationTest
class ReportMailerIT {

    @Autowired
    ReportMailer mailer;

    @Autowired
    ScheduleNotices notices;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @TempDir
    Path dir;

    @Test
    void aReportEmailIsStoredWithItsMessageIdAndAWorkingUnsubscribeLink() throws Exception {
        String to = "report-" + UUID.randomUUID() + "@example.com";
        UUID runId = UUID.randomUUID();
        Path csv = Files.writeString(dir.resolve("sales.csv"), "region,amount\nNord,12\n");
        ReportEmail email = new ReportEmail(
                runId,
                UUID.randomUUID(),
                to,
                "Reader",
                Locale.ENGLISH,
                "Sales — March 2026",
                "Sales",
                "Monthly sales",
                "March 2026",
                1,
                false,
                null,
                List.of(new ReportEmail.Attachment("sales.csv", "text/csv", csv)),
                List.of());

        SendReceipt first = mailer.send(email);
        SendReceipt retry = mailer.send(email);

        assertThat(first.serverResponse()).isEqualTo("stored in outbox");
        assertThat(first.messageId()).startsWith("<" + runId + ".").endsWith("@herald.local>");
        assertThat(retry.messageId()).isEqualTo(first.messageId());
        assertThat(jdbc.sql("SELECT message_id FROM outbox_messages WHERE to_addresses LIKE ?")
                        .param("%" + to + "%")
                        .query(String.class)
                        .list())
                .containsExactly(first.messageId(), first.messageId());

        MimeMessage stored = outbox.to("Reader <" + to + ">").getFirst();
        String header = stored.getHeader("List-Unsubscribe", null);
        assertThat(header).startsWith("<http://localhost:").contains("/unsubscribe/");
        URI link = URI.create(header.substring(1, header.length() - 1));
        assertThat(Outbox.linkIn(stored, "/unsubscribe/")).contains(link.toString());
        assertThat(mvc.perform(get(link.getPath()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Stop receiving these scheduled report emails at " + to + "?");
    }

    @Test
    void theAutoPausedNoticeGoesToTheOwner() throws Exception {
        String owner = "owner-" + UUID.randomUUID() + "@example.com";

        notices.autoPaused(
                owner,
                null,
                Locale.ENGLISH,
                "Weekly sales",
                3,
                "Connection refused",
                URI.create("http://localhost/schedules/1"));

        MimeMessage stored = outbox.to(owner).getFirst();
        assertThat(stored.getSubject()).isEqualTo("Schedule \"Weekly sales\" paused after 3 failed runs");
        assertThat(Outbox.linkIn(stored, "/schedules/")).contains("http://localhost/schedules/1");
    }
}
