package com.herald.recipients.internal;

import java.util.regex.Pattern;

/**
 * What Herald accepts as a recipient address: a dot-atom local part and a DNS domain with a top-level
 * label (RFC 5321 sizes), never whitespace, control characters, quotes or line breaks.
 */
public final class EmailSyntax {

    public static final int MAX_LENGTH = 254;

    private static final Pattern LOCAL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])");

    private EmailSyntax() {}

    public static boolean isValid(String address) {
        if (address == null || address.isEmpty() || address.length() > MAX_LENGTH) {
            return false;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
            return false;
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        return local.length() <= 64
                && domain.length() <= 253
                && LOCAL.matcher(local).matches()
                && DOMAIN.matcher(domain).matches();
    }

    public static boolean hasLineBreak(String value) {
        return value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0);
    }

    /** Any control character (line breaks included), which a name or address never needs. */
    public static boolean hasControl(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }
}
