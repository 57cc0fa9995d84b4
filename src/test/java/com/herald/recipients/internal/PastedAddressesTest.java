package com.herald.recipients.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.recipients.RecipientInput;
import com.herald.recipients.RecipientListProblem;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PastedAddressesTest {

    private static List<String> emails(PastedAddresses parsed) {
        return parsed.members().stream().map(RecipientInput::email).toList();
    }

    @Test
    void everySeparatorSplitsEntries() {
        PastedAddresses parsed = PastedAddresses.parse(
                "a@example.com, b@example.com; c@example.com\nd@example.com\r\ne@example.com\rf@example.com");
        assertThat(parsed.ok()).isTrue();
        assertThat(emails(parsed))
                .containsExactly(
                        "a@example.com",
                        "b@example.com",
                        "c@example.com",
                        "d@example.com",
                        "e@example.com",
                        "f@example.com");
        assertThat(parsed.duplicatesDropped()).isZero();
    }

    @Test
    void emptyEntriesAndBlankLinesAreSkipped() {
        PastedAddresses parsed = PastedAddresses.parse("\n\n a@example.com ,, ;\n\t\n b@example.com;\n");
        assertThat(parsed.ok()).isTrue();
        assertThat(emails(parsed)).containsExactly("a@example.com", "b@example.com");
        assertThat(PastedAddresses.parse("").members()).isEmpty();
        assertThat(PastedAddresses.parse(null).ok()).isTrue();
    }

    @Test
    void everyFormIsUnderstood() {
        PastedAddresses parsed = PastedAddresses.parse("""
                plain@example.com
                Jane Doe <jane@example.com>
                "Doe, John Jr." <john@example.com>
                <bare@example.com>
                "Quote \\"Q\\" Man; <odd>" <q@example.com>, Ann <ann@example.com>; "" <empty@example.com>""");
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.members())
                .containsExactly(
                        new RecipientInput("plain@example.com", null),
                        new RecipientInput("jane@example.com", "Jane Doe"),
                        new RecipientInput("john@example.com", "Doe, John Jr."),
                        new RecipientInput("bare@example.com", null),
                        new RecipientInput("q@example.com", "Quote \"Q\" Man; <odd>"),
                        new RecipientInput("ann@example.com", "Ann"),
                        new RecipientInput("empty@example.com", null));
    }

    @Test
    void problemsNameTheirLine() {
        PastedAddresses parsed =
                PastedAddresses.parse("ok@example.com\nother@example.com\nfoo@\nfine@example.com, bar");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems())
                .containsExactly(
                        RecipientListProblem.of("members", "recipients.parse.invalid", 3, "foo@"),
                        RecipientListProblem.of("members", "recipients.parse.invalid", 4, "bar"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "foo@",
                "@example.com",
                "no-at-sign",
                "two@@example.com",
                "a@b@example.com",
                "spaces in@example.com",
                "a@localhost",
                "a@-example.com",
                "a..b@example.com",
                ".a@example.com",
                "a@example..com",
                "a@example.123",
                "Name jane@example.com",
                "Jane <jane@example.com> trailing",
                "Ja\"ne <jane@example.com>",
                "<>",
                "\"Unquoted <a@example.com>"
            })
    void invalidSyntaxIsRejected(String entry) {
        PastedAddresses parsed = PastedAddresses.parse("ok@example.com\n" + entry);
        assertThat(parsed.ok()).as(entry).isFalse();
        assertThat(parsed.problems().getFirst().args().getFirst()).isEqualTo(2);
    }

    @Test
    void unclosedQuotesAndBracketsAreReported() {
        assertThat(PastedAddresses.parse("\"Jane <jane@example.com>").problems())
                .extracting(RecipientListProblem::code)
                .containsExactly("recipients.parse.unclosedQuote");
        assertThat(PastedAddresses.parse("Jane <jane@example.com").problems())
                .extracting(RecipientListProblem::code)
                .containsExactly("recipients.parse.unclosedBracket");
    }

    @Test
    void lineBreaksCannotHideInsideAnAddressOrName() {
        // a quoted name cannot span lines: both halves are refused, so nothing with CR/LF gets through
        PastedAddresses parsed = PastedAddresses.parse("\"Jane\r\nBcc: x@evil.example\" <jane@example.com>");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.problems().getFirst().args().getFirst()).isEqualTo(1);
        PastedAddresses bracket = PastedAddresses.parse("Jane <jane@example.com\r\nBcc: x@evil.example>");
        assertThat(bracket.ok()).isFalse();
        assertThat(bracket.problems()).extracting(p -> p.args().getFirst()).containsExactly(1, 2);
        assertThat(EmailSyntax.isValid("jane@example.com\r\n")).isFalse();
        assertThat(EmailSyntax.hasLineBreak("a\nb")).isTrue();
    }

    @Test
    void namesWithControlCharactersAreRefused() {
        PastedAddresses parsed = PastedAddresses.parse("\"Ja\u0007ne\" <jane@example.com>");
        assertThat(parsed.problems())
                .extracting(RecipientListProblem::code)
                .containsExactly("recipients.parse.nameControl");
    }

    @Test
    void overlongNamesAreRefused() {
        PastedAddresses parsed = PastedAddresses.parse("x".repeat(201) + " <jane@example.com>");
        assertThat(parsed.problems())
                .extracting(RecipientListProblem::code)
                .containsExactly("recipients.parse.nameTooLong");
    }

    @Test
    void duplicatesAreDroppedIgnoringCaseAndCounted() {
        PastedAddresses parsed = PastedAddresses.parse(
                "Jane <jane@example.com>, JANE@Example.com\nbob@example.com; \"Other Jane\" <Jane@example.COM>");
        assertThat(parsed.ok()).isTrue();
        assertThat(parsed.members())
                .containsExactly(
                        new RecipientInput("jane@example.com", "Jane"), new RecipientInput("bob@example.com", null));
        assertThat(parsed.duplicatesDropped()).isEqualTo(2);
    }

    @Test
    void exactlyAThousandMembersAreFine() {
        assertThat(PastedAddresses.parse(addresses(1000)).members()).hasSize(1000);
        assertThat(PastedAddresses.parse(addresses(1000) + "\nu0@example.com").ok())
                .as("a duplicate does not count")
                .isTrue();
    }

    @Test
    void moreThanAThousandMembersAreRefused() {
        PastedAddresses parsed = PastedAddresses.parse(addresses(1001));
        assertThat(parsed.problems())
                .containsExactly(RecipientListProblem.of("members", "recipients.members.tooMany", 1001, 1000));
    }

    @Test
    void manyBadLinesAreListedUpToALimitAndCounted() {
        String text = IntStream.rangeClosed(1, 30).mapToObj(i -> "bad" + i).collect(Collectors.joining("\n"));
        PastedAddresses parsed = PastedAddresses.parse(text);
        assertThat(parsed.problems()).hasSize(PastedAddresses.MAX_LISTED_PROBLEMS + 1);
        assertThat(parsed.problems().getLast())
                .isEqualTo(RecipientListProblem.of("members", "recipients.parse.moreLines", 10));
    }

    @Test
    void hugeTextIsRefusedBeforeParsing() {
        PastedAddresses parsed = PastedAddresses.parse("a".repeat(PastedAddresses.MAX_TEXT_LENGTH + 1));
        assertThat(parsed.problems())
                .extracting(RecipientListProblem::code)
                .containsExactly("recipients.parse.textTooLong");
    }

    @Test
    void formattedMembersParseBackToTheSame() {
        List<RecipientInput> members = List.of(
                new RecipientInput("a@example.com", null),
                new RecipientInput("b@example.com", "Plain Name"),
                new RecipientInput("c@example.com", "Doe, Jane"),
                new RecipientInput("d@example.com", "Say \"hi\"; <ok> \\ done"));
        String text = members.stream()
                .map(m -> PastedAddresses.format(m.email(), m.name()))
                .collect(Collectors.joining("\n"));
        assertThat(PastedAddresses.parse(text).members()).isEqualTo(members);
    }

    @Test
    void emailSyntaxAcceptsCommonAddresses() {
        assertThat(EmailSyntax.isValid("first.last+tag@sub.example.co.uk")).isTrue();
        assertThat(EmailSyntax.isValid("o'brien@example.com")).isTrue();
        assertThat(EmailSyntax.isValid("x@xn--bcher-kva.example")).isTrue();
        assertThat(EmailSyntax.isValid("a".repeat(65) + "@example.com")).isFalse();
    }

    private static String addresses(int n) {
        return IntStream.range(0, n).mapToObj(i -> "u" + i + "@example.com").collect(Collectors.joining("\n"));
    }
}
