package com.herald.recipients.internal;

import com.herald.recipients.RecipientInput;
import com.herald.recipients.RecipientListManager;
import com.herald.recipients.RecipientListProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses what a user pastes into the members box: entries separated by commas, semicolons or line
 * breaks, each {@code addr}, {@code Name <addr>}, {@code "Name, Jr." <addr>} or {@code <addr>}. Every
 * problem names its line; addresses repeated (ignoring case) are dropped after the first and counted.
 *
 * @param members the addresses in the order typed, without duplicates
 * @param problems each broken line (field {@code members}); empty when the text is fine
 * @param duplicatesDropped how many entries repeated an earlier address
 */
public record PastedAddresses(
        List<RecipientInput> members, List<RecipientListProblem> problems, int duplicatesDropped) {

    /** At most this many line problems are listed one by one; the rest are counted. */
    public static final int MAX_LISTED_PROBLEMS = 20;

    /** Far above 1,000 long addresses: anything longer is refused before it is parsed. */
    public static final int MAX_TEXT_LENGTH = 400_000;

    private static final int SHOWN_ENTRY_LENGTH = 80;
    static final String FIELD = "members";

    public boolean ok() {
        return problems.isEmpty();
    }

    public static PastedAddresses parse(String text) {
        if (text == null || text.isBlank()) {
            return new PastedAddresses(List.of(), List.of(), 0);
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return new PastedAddresses(
                    List.of(),
                    List.of(RecipientListProblem.of(FIELD, "recipients.parse.textTooLong", MAX_TEXT_LENGTH)),
                    0);
        }
        List<RecipientInput> members = new ArrayList<>();
        List<RecipientListProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        int badLines = 0;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            List<RecipientListProblem> lineProblems = new ArrayList<>();
            for (Entry entry : split(lines[i], lineNumber, lineProblems)) {
                RecipientInput input = entry.toInput(lineNumber, lineProblems);
                if (input == null) {
                    continue;
                }
                if (seen.add(input.email().toLowerCase(Locale.ROOT))) {
                    members.add(input);
                } else {
                    duplicates++;
                }
            }
            if (!lineProblems.isEmpty()) {
                badLines++;
                if (problems.size() < MAX_LISTED_PROBLEMS) {
                    problems.add(lineProblems.getFirst());
                }
            }
        }
        if (badLines > problems.size()) {
            problems.add(RecipientListProblem.of(FIELD, "recipients.parse.moreLines", badLines - problems.size()));
        }
        if (problems.isEmpty() && members.size() > RecipientListManager.MAX_MEMBERS) {
            problems.add(RecipientListProblem.of(
                    FIELD, "recipients.members.tooMany", members.size(), RecipientListManager.MAX_MEMBERS));
        }
        return new PastedAddresses(List.copyOf(members), List.copyOf(problems), duplicates);
    }

    /** One entry between separators, before it is checked. */
    private record Entry(String text) {

        RecipientInput toInput(int line, List<RecipientListProblem> problems) {
            String entry = text.strip();
            if (entry.isEmpty()) {
                return null;
            }
            String name = null;
            String address = entry;
            int open = entry.indexOf('<', nameEnd(entry));
            if (open >= 0) {
                int close = entry.indexOf('>', open);
                if (close != entry.length() - 1) {
                    problems.add(problem(line, "recipients.parse.invalid", entry));
                    return null;
                }
                address = entry.substring(open + 1, close).strip();
                name = entry.substring(0, open).strip();
                if (name.startsWith("\"")) {
                    if (name.length() < 2 || !name.endsWith("\"")) {
                        problems.add(problem(line, "recipients.parse.invalid", entry));
                        return null;
                    }
                    name = unquote(name.substring(1, name.length() - 1)).strip();
                } else if (name.indexOf('"') >= 0) {
                    problems.add(problem(line, "recipients.parse.invalid", entry));
                    return null;
                }
                if (name.isEmpty()) {
                    name = null;
                }
            }
            if (!EmailSyntax.isValid(address)) {
                problems.add(problem(line, "recipients.parse.invalid", address.isEmpty() ? entry : address));
                return null;
            }
            if (name != null && EmailSyntax.hasControl(name)) {
                problems.add(problem(line, "recipients.parse.nameControl", address));
                return null;
            }
            if (name != null && name.length() > RecipientListManager.MAX_MEMBER_NAME) {
                problems.add(
                        problem(line, "recipients.parse.nameTooLong", address, RecipientListManager.MAX_MEMBER_NAME));
                return null;
            }
            return new RecipientInput(address, name);
        }

        /** Where a leading quoted name ends, so a '<' inside the quotes is not the address. */
        private static int nameEnd(String entry) {
            if (!entry.startsWith("\"")) {
                return 0;
            }
            for (int i = 1; i < entry.length(); i++) {
                char c = entry.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return i + 1;
                }
            }
            return entry.length();
        }

        private static String unquote(String quoted) {
            StringBuilder out = new StringBuilder(quoted.length());
            for (int i = 0; i < quoted.length(); i++) {
                char c = quoted.charAt(i);
                if (c == '\\' && i + 1 < quoted.length()) {
                    c = quoted.charAt(++i);
                }
                out.append(c);
            }
            return out.toString();
        }
    }

    /** Splits a line at commas and semicolons outside quotes and angle brackets. */
    private static List<Entry> split(String line, int lineNumber, List<RecipientListProblem> problems) {
        List<Entry> entries = new ArrayList<>();
        boolean quoted = false;
        boolean bracket = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"' && !bracket) {
                quoted = true;
            } else if (c == '<') {
                bracket = true;
            } else if (c == '>') {
                bracket = false;
            } else if ((c == ',' || c == ';') && !bracket) {
                entries.add(new Entry(line.substring(start, i)));
                start = i + 1;
            }
        }
        String last = line.substring(start);
        if (quoted) {
            problems.add(problem(lineNumber, "recipients.parse.unclosedQuote", last.strip()));
        } else if (bracket) {
            problems.add(problem(lineNumber, "recipients.parse.unclosedBracket", last.strip()));
        } else {
            entries.add(new Entry(last));
        }
        return entries;
    }

    private static RecipientListProblem problem(int line, String code, String entry) {
        return RecipientListProblem.of(FIELD, code, line, shorten(entry));
    }

    private static RecipientListProblem problem(int line, String code, String entry, Object extra) {
        return RecipientListProblem.of(FIELD, code, line, shorten(entry), extra);
    }

    private static String shorten(String entry) {
        String clean = entry.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= SHOWN_ENTRY_LENGTH ? clean : clean.substring(0, SHOWN_ENTRY_LENGTH - 1) + "…";
    }

    /** One member as a line of the members box, quoting the name when the parser needs it. */
    public static String format(String email, String name) {
        if (name == null || name.isBlank()) {
            return email;
        }
        boolean quote = name.chars().anyMatch(c -> ",;\"<>\\()@:[]".indexOf(c) >= 0) || !name.equals(name.strip());
        String shown = quote ? '"' + name.replace("\\", "\\\\").replace("\"", "\\\"") + '"' : name;
        return shown + " <" + email + ">";
    }
}
