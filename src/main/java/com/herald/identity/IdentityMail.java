package com.herald.identity;

/**
 * Emails identity needs sent, published as application events: the delivery module sends them, so
 * identity does not depend on how mail goes out.
 */
public sealed interface IdentityMail {

    String to();

    String link();

    String locale();

    record Invitation(String to, String invitedBy, String link, String locale) implements IdentityMail {}

    record PasswordReset(String to, String link, String locale) implements IdentityMail {}
}
