package com.herald.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.herald.identity.AccountService;
import com.herald.identity.TeamRole;
import com.herald.recipients.RecipientStatus;
import com.herald.reports.ParameterType;
import com.herald.scheduling.DeliveryStatus;
import com.herald.scheduling.OverlapPolicy;
import com.herald.scheduling.RunStatus;
import com.herald.scheduling.RunTrigger;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every message exists in every language, with the same placeholders and the same MessageFormat quoting, and
 * every key the templates and the Java code name exists. Fails with the list of offending keys.
 */
class MessagesCompletenessTest {

    static final Path RESOURCES = Path.of("src/main/resources");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    /** String literals in Java that look like message keys but are not (field names, property prefixes, audit actions). */
    static final Set<String> NOT_MESSAGE_KEYS = Set.of(
            "recipients.list_ids",
            "recipients.emails",
            "mail.smtp",
            "mail.smtps",
            "mail.passwordReset",
            "mail.invitation",
            "login.succeeded",
            "login.failed");

    static Map<String, String> english;
    static Map<String, String> german;

    @BeforeAll
    static void load() throws IOException {
        english = load("messages.properties");
        german = load("messages_de.properties");
    }

    static Map<String, String> load(String name) throws IOException {
        Properties properties = new Properties();
        // Spring Boot reads messages as UTF-8 (spring.messages.encoding); so does this test.
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> messages = new TreeMap<>();
        properties.forEach((k, v) -> messages.put((String) k, (String) v));
        return messages;
    }

    @Test
    void everyKeyExistsInBothLanguages() {
        assertThat(english).hasSizeGreaterThan(500);
        assertThat(difference(english.keySet(), german.keySet()))
                .as("keys missing in messages_de.properties")
                .isEmpty();
        assertThat(difference(german.keySet(), english.keySet()))
                .as("keys in messages_de.properties that messages.properties does not have")
                .isEmpty();
    }

    @Test
    void noValueIsEmpty() {
        for (Map<String, String> messages : List.of(english, german)) {
            assertThat(messages.entrySet().stream()
                            .filter(e -> e.getValue().isBlank())
                            .map(Map.Entry::getKey))
                    .as("empty messages")
                    .isEmpty();
        }
    }

    @Test
    void bothLanguagesUseTheSamePlaceholders() {
        List<String> different = new ArrayList<>();
        english.forEach((key, en) -> {
            String de = german.get(key);
            if (de != null && !placeholders(en).equals(placeholders(de))) {
                different.add(key + ": " + placeholders(en) + " vs " + placeholders(de));
            }
        });
        assertThat(different).isEmpty();
    }

    /**
     * A message with arguments goes through MessageFormat: it must parse, and a lone single quote would swallow
     * the rest of the text. Both languages must quote alike (doubled quotes, quoted braces).
     */
    @Test
    void messagesWithArgumentsAreValidMessageFormatQuotedLikeEnglish() {
        List<String> problems = new ArrayList<>();
        for (Map<String, String> messages : List.of(english, german)) {
            messages.forEach((key, value) -> {
                if (placeholders(value).isEmpty()) {
                    return;
                }
                try {
                    new MessageFormat(value);
                } catch (IllegalArgumentException e) {
                    problems.add(key + ": " + e.getMessage());
                }
            });
        }
        english.forEach((key, en) -> {
            String de = german.get(key);
            if (de != null && !placeholders(en).isEmpty() && loneQuotes(en) != loneQuotes(de)) {
                problems.add(key + ": quoted differently from English (single quotes must be doubled)");
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void germanIsReallyGerman() {
        assertThat(german.get("nav.dashboard")).isEqualTo("Übersicht");
        long untranslated = english.entrySet().stream()
                .filter(e -> e.getValue().length() > 25)
                .filter(e -> e.getValue().equals(german.get(e.getKey())))
                .count();
        assertThat(untranslated)
                .as("long messages identical in English and German")
                .isZero();
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        Pattern staticKey = Pattern.compile("#\\{([A-Za-z][A-Za-z0-9_.]*)\\s*[}(]");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path file : files.filter(
                            p -> p.toString().endsWith(".html") || p.toString().endsWith(".txt"))
                    .toList()) {
                Matcher m = staticKey.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    if (!english.containsKey(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(300);
        assertThat(missing).isEmpty();
    }

    /** The keys the templates compose from enum values, e.g. {@code #{${'schedules.run.status.' + r.status.wire()}}}. */
    @Test
    void everyKeyComposedFromAnEnumExists() {
        List<String> keys = new ArrayList<>();
        Stream.of(RunStatus.values()).forEach(s -> keys.add("schedules.run.status." + s.wire()));
        Stream.of(RunTrigger.values()).forEach(t -> keys.add("schedules.run.trigger." + t.wire()));
        Stream.of(OverlapPolicy.values()).forEach(o -> keys.add("schedules.overlap." + o.wire()));
        Stream.of(DeliveryStatus.values()).forEach(d -> keys.add("schedules.delivery.status." + d.wire()));
        Stream.of(ParameterType.values()).forEach(p -> keys.add("reports.preview.help." + p.wire()));
        Stream.of(RecipientStatus.values()).forEach(s -> keys.add("recipients.status." + s.name()));
        Stream.of(TeamRole.values()).forEach(r -> keys.add("role." + r.name()));
        AccountService.LOCALES.forEach(l -> keys.add("locale." + l));
        assertThat(keys).allSatisfy(key -> assertThat(english).containsKey(key));
    }

    /** String literals in Java code shaped like a message key ("schedules.toast.created", "{validation.x}"). */
    @Test
    void everyKeyTheJavaCodeNamesExists() throws IOException {
        Set<String> prefixes = new TreeSet<>();
        english.keySet().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.'))));
        Pattern literal =
                Pattern.compile("\"\\{?((?:" + String.join("|", prefixes) + ")\\.[A-Za-z0-9_.]*[A-Za-z0-9_])}?\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    String key = m.group(1);
                    if (!english.containsKey(key) && !NOT_MESSAGE_KEYS.contains(key)) {
                        missing.add(key + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    static long loneQuotes(String message) {
        return message.replace("''", "").chars().filter(c -> c == '\'').count();
    }

    static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
