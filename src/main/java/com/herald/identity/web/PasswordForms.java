package com.herald.identity.web;

import jakarta.validation.constraints.Size;

/** Form records of the identity pages; the rules themselves live in the services. */
final class PasswordForms {

    private PasswordForms() {}

    record ForgotPassword(@Size(max = 254) String email) {}

    record NewPassword(String password, String confirmation) {}

    record Invitation(String name, String password, String confirmation) {}

    record Profile(String name, String timeZone, String locale) {}

    record ChangePassword(String currentPassword, String newPassword, String confirmation) {}

    record NewApiKey(String name, boolean read, boolean write) {}

    record NewUser(String email, String name, boolean systemAdmin, String timeZone, String locale) {}

    record EditUser(String name, boolean systemAdmin, boolean enabled, String timeZone, String locale) {}

    record NewTeam(String name) {}

    record NewMember(String email, String role) {}
}
