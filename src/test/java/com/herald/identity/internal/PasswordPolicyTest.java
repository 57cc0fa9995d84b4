package com.herald.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aLongUnusualPassphraseIsAccepted() {
        assertThat(policy.violation("violet tractor sings at dawn", "ann@example.com"))
                .isEmpty();
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThat(policy.violation("Sh0rt!pass", "ann@example.com")).contains("validation.password.tooShort");
        assertThat(policy.violation(null, "ann@example.com")).contains("validation.password.tooShort");
    }

    @Test
    void overlongPasswordsAreRefused() {
        assertThat(policy.violation("x".repeat(129) + "yz", "ann@example.com")).contains("validation.password.tooLong");
    }

    @Test
    void wellKnownPasswordsAreRefusedWhateverTheirCase() {
        for (String common : new String[] {
            "password1234", "Password1234", "QWERTYUIOP123", "123456789012", "aaaaaaaaaaaaaa", "ababababababab"
        }) {
            assertThat(policy.violation(common, "ann@example.com")).as(common).contains("validation.password.common");
        }
    }

    @Test
    void aPasswordContainingTheEmailNameIsRefused() {
        assertThat(policy.violation("margaret-secret-42", "margaret@example.com"))
                .contains("validation.password.containsEmail");
    }
}
