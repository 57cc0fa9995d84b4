package com.herald.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.herald.delivery.DeliveryFailure;
import com.herald.delivery.ReportEmail;
import com.herald.platform.PublicUrl;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

class ReportEmailComposerTest {

    static final URI UNSUBSCRIBE = URI.create("https://herald.example.com/unsubscribe/abc.def");

    @TempDir
    Path dir;

    final UUID runId = UUID.fromString("0190f5a2-1111-7000-8000-000000000001");
    final UUID scheduleId = UUID.fromString("0190f5a2-2222-7000-8000-000000000002");

    @Test
    void theMessageIsMixedWithTextAndHtmlAlternativesThenTheAttachmentsByteForByte() throws Exception {
        byte[] binary = new byte[300_000];
        new Random(42).nextBytes(binary);
        Path xlsx = Files.write(dir.resolve("sales.xlsx"), binary);
        Path csv = Files.writeString(dir.resolve("sales.csv"), "région;amount\r\nNord;12\r\n");
        ReportEmail email = email(
                "Sales",
                false,
                null,
                List.of(
                        new ReportEmail.Attachment(
                                "sales.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                xlsx),
                        new ReportEmail.Attachment("Ventes régionales.csv", "text/csv", csv)),
                List.of());

        MimeMessage message = roundTrip(composer("https://herald.example.com").compose(email, UNSUBSCRIBE));

        assertThat(message.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(3);
        BodyPart body = mixed.getBodyPart(0);
        assertThat(body.isMimeType("multipart/alternative")).isTrue();
        Multipart alternative = (Multipart) body.getContent();
        assertThat(alternative.getCount()).isEqualTo(2);
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();

        BodyPart first = mixed.getBodyPart(1);
        assertThat(first.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(first.getFileName()).isEqualTo("sales.xlsx");
        assertThat(first.isMimeType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .isTrue();
        assertThat(first.getInputStream().readAllBytes()).isEqualTo(binary);
        BodyPart second = mixed.getBodyPart(2);
        assertThat(second.getFileName()).isEqualTo("Ventes régionales.csv");
        assertThat(second.isMimeType("text/csv")).isTrue();
        assertThat(second.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(csv));

        String text = (String) alternative.getBodyPart(0).getContent();
        assertThat(text).contains("Sales", "Weekly sales", "March 2026", "1,234", "sales.xlsx", UNSUBSCRIBE.toString());
    }

    @Test
    void theMessageIdDependsOnRunAndAddressOnlyAndSurvivesSavingAndSending() throws Exception {
        ReportEmailComposer composer = composer("https://herald.example.com/");
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest("alice@example.com".getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
        String expected = "<" + runId + "." + hash + "@herald.example.com>";

        MimeMessage first = composer.compose(email("Sales", false, null, List.of(), List.of()), UNSUBSCRIBE);
        first.saveChanges();
        first.saveChanges();
        assertThat(first.getMessageID()).isEqualTo(expected);
        assertThat(roundTrip(first).getMessageID()).isEqualTo(expected);

        ReportEmail again = email("Other name", true, null, List.of(), List.of());
        MimeMessage second = composer.compose(
                new ReportEmail(
                        runId,
                        scheduleId,
                        "Alice@Example.COM",
                        null,
                        Locale.ENGLISH,
                        "x",
                        "r",
                        "s",
                        "p",
                        0,
                        true,
                        null,
                        List.of(),
                        List.of()),
                UNSUBSCRIBE);
        second.saveChanges();
        assertThat(second.getMessageID()).isEqualTo(expected);
        MimeMessage third = composer.compose(again, UNSUBSCRIBE);
        third.saveChanges();
        assertThat(third.getMessageID()).isEqualTo(expected);

        MimeMessage otherRun = composer.compose(
                new ReportEmail(
                        UUID.randomUUID(),
                        scheduleId,
                        "alice@example.com",
                        null,
                        Locale.ENGLISH,
                        "x",
                        "r",
                        "s",
                        "p",
                        0,
                        true,
                        null,
                        List.of(),
                        List.of()),
                UNSUBSCRIBE);
        otherRun.saveChanges();
        assertThat(otherRun.getMessageID()).isNotEqualTo(expected).endsWith("." + hash + "@herald.example.com>");

        MimeMessage local = composer("").compose(email("Sales", false, null, List.of(), List.of()), UNSUBSCRIBE);
        local.saveChanges();
        assertThat(local.getMessageID()).isEqualTo("<" + runId + "." + hash + "@herald.local>");
    }

    @Test
    void headersCarryOneClickUnsubscribeSenderAndNamedRecipient() throws Exception {
        MimeMessage message = roundTrip(composer("https://herald.example.com")
                .compose(email("Sales", false, null, List.of(), List.of()), UNSUBSCRIBE));

        assertThat(message.getHeader("List-Unsubscribe", null)).isEqualTo("<" + UNSUBSCRIBE + ">");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("reports@example.com");
        assertThat(from.getPersonal()).isEqualTo("Herald Reports");
        InternetAddress to = (InternetAddress) message.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("alice@example.com");
        assertThat(to.getPersonal()).isEqualTo("Alice Müller");
        assertThat(message.getAllRecipients()).hasSize(1);
        assertThat(message.getSubject()).isEqualTo("Sales — March 2026");
        assertThat(message.getSentDate()).isNotNull();
    }

    @Test
    void valuesAreEscapedInTheHtmlButTheRenderedTableIsInlinedAsIs() throws Exception {
        String table = "<table class=\"report\"><tr><th>Region</th></tr><tr><td>Nord &amp; Süd</td></tr></table>";
        MimeMessage message = roundTrip(composer("https://herald.example.com")
                .compose(email("<script>alert(1)</script>", false, table, List.of(), List.of()), UNSUBSCRIBE));

        String html = html(message);
        assertThat(html)
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>")
                .contains(table)
                .contains("First rows")
                .contains("href=\"" + UNSUBSCRIBE + "\"")
                .doesNotContain("No rows for this period.")
                .doesNotContain("<link", "<style", "<!--");
        assertThat(text(message)).contains("<script>alert(1)</script>").doesNotContain("<table");
    }

    @Test
    void anEmptyPeriodSaysSoAndShowsNoTable() throws Exception {
        MimeMessage message = roundTrip(composer("https://herald.example.com")
                .compose(
                        email("Sales", true, "<table><tr><td>x</td></tr></table>", List.of(), List.of()), UNSUBSCRIBE));

        assertThat(html(message)).contains("No rows for this period.").doesNotContain("<td>x</td>", "First rows");
        assertThat(text(message)).contains("No rows for this period.");
    }

    @Test
    void downloadLinksShowTheirExpiryInTheGivenZoneAndCountsFollowTheLocale() throws Exception {
        ReportEmail email = new ReportEmail(
                runId,
                scheduleId,
                "alice@example.com",
                null,
                Locale.GERMANY,
                "Sales",
                "Sales",
                "Weekly sales",
                "März 2026",
                1_234_567,
                false,
                null,
                List.of(),
                List.of(new ReportEmail.DownloadLink(
                        "sales.pdf",
                        URI.create("https://herald.example.com/artifacts/tok?x=1&y=2"),
                        Instant.parse("2026-03-12T13:00:00Z"))),
                ZoneId.of("Europe/Berlin"));

        MimeMessage message = roundTrip(composer("https://herald.example.com").compose(email, UNSUBSCRIBE));

        assertThat(html(message))
                .contains("href=\"https://herald.example.com/artifacts/tok?x=1&amp;y=2\"")
                .contains("sales.pdf")
                .contains("12.03.2026, 14:00 (Europe/Berlin)")
                .contains("1.234.567");
        assertThat(text(message))
                .contains("sales.pdf: https://herald.example.com/artifacts/tok?x=1&y=2")
                .contains("12.03.2026, 14:00 (Europe/Berlin)");
    }

    @Test
    void withoutAZoneExpiryIsShownInUtc() throws Exception {
        ReportEmail email = email(
                "Sales",
                false,
                null,
                List.of(),
                List.of(new ReportEmail.DownloadLink(
                        "sales.pdf", URI.create("https://h.example.com/a"), Instant.parse("2026-03-12T13:00:00Z"))));

        MimeMessage message = roundTrip(composer("https://herald.example.com").compose(email, UNSUBSCRIBE));

        assertThat(text(message)).contains("Mar 12, 2026", "(UTC)").doesNotContain("Attached");
    }

    @Test
    void aLineBreakInTheSubjectIsRefused() {
        ReportEmailComposer composer = composer("https://herald.example.com");
        for (String subject : new String[] {"Sales\r\nBcc: x@example.com", "Sales\nX-Evil: 1", "Sales\r"}) {
            ReportEmail email = new ReportEmail(
                    runId,
                    scheduleId,
                    "alice@example.com",
                    null,
                    Locale.ENGLISH,
                    subject,
                    "r",
                    "s",
                    "p",
                    0,
                    true,
                    null,
                    List.of(),
                    List.of());
            assertThatThrownBy(() -> composer.compose(email, UNSUBSCRIBE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line break");
        }
    }

    @Test
    void anAddressThatIsNotOneIsAPermanentRecipientFailure() {
        ReportEmailComposer composer = composer("https://herald.example.com");
        for (String to : new String[] {
            "not-an-address", "a@example.com, b@example.com", "Eve <eve@example.com>", "a@example.com\r\nBcc: b@x.org"
        }) {
            ReportEmail email = new ReportEmail(
                    runId,
                    scheduleId,
                    to,
                    null,
                    Locale.ENGLISH,
                    "s",
                    "r",
                    "s",
                    "p",
                    0,
                    true,
                    null,
                    List.of(),
                    List.of());
            assertThatThrownBy(() -> composer.compose(email, UNSUBSCRIBE))
                    .isInstanceOfSatisfying(DeliveryFailure.class, failure -> {
                        assertThat(failure.category()).isEqualTo("recipient");
                        assertThat(failure.retryable()).isFalse();
                    });
        }
    }

    @Test
    void theAutoPausedNoticeSaysWhyAndLinksToTheSchedule() throws Exception {
        MimeMessage message = roundTrip(composer("https://herald.example.com")
                .autoPaused(
                        "owner@example.com",
                        "Olga <Owner>",
                        Locale.ENGLISH,
                        "Weekly\r\nsales",
                        5,
                        "Query timed out after 30 s <ORA-01013>",
                        URI.create("https://herald.example.com/schedules/42")));

        assertThat(message.getSubject()).isEqualTo("Schedule \"Weekly sales\" paused after 5 failed runs");
        assertThat(message.getRecipients(MimeMessage.RecipientType.TO)[0].toString())
                .contains("owner@example.com");
        assertThat(html(message))
                .contains("Hello Olga &lt;Owner&gt;,")
                .contains("failed 5 times in a row")
                .contains("Query timed out after 30 s &lt;ORA-01013&gt;")
                .contains("href=\"https://herald.example.com/schedules/42\"");
        assertThat(text(message))
                .contains("Query timed out after 30 s <ORA-01013>")
                .contains("https://herald.example.com/schedules/42");
    }

    @Test
    void anOwnerWhoReadsGermanGetsTheNoticeInGermanWithItsUmlauts() throws Exception {
        MimeMessage message = roundTrip(composer("https://herald.example.com")
                .autoPaused(
                        "owner@example.com",
                        "Jürgen",
                        Locale.GERMAN,
                        "Wöchentlicher Umsatz",
                        5,
                        "Zeitüberschreitung",
                        URI.create("https://herald.example.com/schedules/42")));

        assertThat(message.getSubject())
                .isEqualTo("Zeitplan „Wöchentlicher Umsatz“ nach 5 fehlgeschlagenen Ausführungen pausiert");
        assertThat(html(message))
                .contains("Hallo Jürgen,")
                .contains("ist 5-mal in Folge fehlgeschlagen")
                .contains("Zeitplan öffnen");
        assertThat(text(message))
                .contains("Letzter Fehler")
                .contains("Zeitplan öffnen: https://herald.example.com/schedules/42");
    }

    @Test
    void aReportEmailInGermanTakesEveryTextFromTheGermanMessages() throws Exception {
        ReportEmail english = email("Sales", true, null, List.of(), List.of());
        ReportEmail german = new ReportEmail(
                english.runId(),
                english.scheduleId(),
                english.to(),
                english.toName(),
                Locale.GERMAN,
                english.subject(),
                english.reportName(),
                english.scheduleName(),
                english.periodLabel(),
                english.rowCount(),
                english.empty(),
                english.htmlTable(),
                english.attachments(),
                english.links(),
                english.zone());

        MimeMessage message = roundTrip(composer("https://herald.example.com").compose(german, UNSUBSCRIBE));

        assertThat(html(message))
                .contains("Geplanter Bericht")
                .contains("Keine Zeilen für diesen Zeitraum.")
                .contains("Sie erhalten diese E-Mail als Empfänger des Zeitplans „Weekly sales“.")
                .doesNotContain("Scheduled report");
        assertThat(text(message)).contains("Zeitplan: Weekly sales").contains("Abmelden: " + UNSUBSCRIBE);
    }

    @Test
    void theRecipientsOfARunShareTheRenderedBodiesButEachGetsItsOwnUnsubscribeLink() throws Exception {
        ReportEmailComposer composer = composer("https://herald.example.com");
        URI alices = URI.create("https://herald.example.com/unsubscribe/alice.sig-A_1");
        URI bobs = URI.create("https://herald.example.com/unsubscribe/bob.sig-B_2");
        ReportEmail toAlice = email("Sales & <Co>", false, "<table><tr><td>1</td></tr></table>", List.of(), List.of());
        ReportEmail toBob = new ReportEmail(
                runId,
                scheduleId,
                "bob@example.com",
                "Bob",
                Locale.ENGLISH,
                toAlice.subject(),
                toAlice.reportName(),
                toAlice.scheduleName(),
                toAlice.periodLabel(),
                toAlice.rowCount(),
                toAlice.empty(),
                toAlice.htmlTable(),
                toAlice.attachments(),
                toAlice.links());

        MimeMessage first = roundTrip(composer.compose(toAlice, alices));
        MimeMessage second = roundTrip(composer.compose(toBob, bobs));
        // a composer of its own renders Bob's from scratch: the shared bodies must be exactly that
        MimeMessage fresh = roundTrip(composer("https://herald.example.com").compose(toBob, bobs));

        assertThat(composer.reportBodies(toBob)).isSameAs(composer.reportBodies(toAlice));
        assertThat(html(first)).contains("href=\"" + alices + "\"").doesNotContain(bobs.toString());
        assertThat(text(first)).contains(alices.toString()).doesNotContain(bobs.toString());
        assertThat(html(second)).contains("href=\"" + bobs + "\"").doesNotContain(alices.toString());
        assertThat(text(second)).contains(bobs.toString()).doesNotContain(alices.toString());
        assertThat(html(second)).isEqualTo(html(fresh)).doesNotContain(ReportEmailComposer.UNSUBSCRIBE_MARKER);
        assertThat(text(second)).isEqualTo(text(fresh)).doesNotContain(ReportEmailComposer.UNSUBSCRIBE_MARKER);
        assertThat(html(second)).contains("Sales &amp; &lt;Co&gt;");

        ReportEmail german = new ReportEmail(
                runId,
                scheduleId,
                "bob@example.com",
                "Bob",
                Locale.GERMAN,
                toAlice.subject(),
                toAlice.reportName(),
                toAlice.scheduleName(),
                toAlice.periodLabel(),
                toAlice.rowCount(),
                toAlice.empty(),
                toAlice.htmlTable(),
                toAlice.attachments(),
                toAlice.links());
        assertThat(composer.reportBodies(german)).isNotSameAs(composer.reportBodies(toBob));
    }

    private ReportEmail email(
            String reportName,
            boolean empty,
            String table,
            List<ReportEmail.Attachment> attachments,
            List<ReportEmail.DownloadLink> links) {
        return new ReportEmail(
                runId,
                scheduleId,
                "alice@example.com",
                "Alice Müller",
                Locale.ENGLISH,
                "Sales — March 2026",
                reportName,
                "Weekly sales",
                "March 2026",
                empty ? 0 : 1234,
                empty,
                table,
                attachments,
                links);
    }

    static ReportEmailComposer composer(String publicUrl) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new ReportEmailComposer(
                new MailTemplates(messages),
                messages,
                new MailProperties("Herald Reports <reports@example.com>", 4, 0, Duration.ofSeconds(10)),
                new PublicUrl(new MockEnvironment().withProperty("herald.public-url", publicUrl)));
    }

    /** Written out and parsed back, as a receiving mail server would see it. */
    static MimeMessage roundTrip(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw.toByteArray()));
    }

    static String html(MimeMessage message) throws Exception {
        return (String) alternative(message).getBodyPart(1).getContent();
    }

    static String text(MimeMessage message) throws Exception {
        return (String) alternative(message).getBodyPart(0).getContent();
    }

    private static Multipart alternative(MimeMessage message) throws Exception {
        return (Multipart) ((Multipart) message.getContent()).getBodyPart(0).getContent();
    }
}
