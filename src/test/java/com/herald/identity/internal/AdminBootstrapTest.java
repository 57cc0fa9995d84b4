package com.herald.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

    private final UserRepository users = mock(UserRepository.class);
    private final ApiKeyRepository keys = mock(ApiKeyRepository.class);
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private final TransactionTemplate tx = new TransactionTemplate(transactionManager());
    private final com.herald.identity.AuditLog audit = mock(com.herald.identity.AuditLog.class);

    private AdminBootstrap bootstrap(String email, String password, String apiKey) {
        return new AdminBootstrap(new BootstrapProperties(email, password, apiKey), users, keys, encoder, tx, audit);
    }

    @Test
    void withoutConfigurationAGeneratedPasswordIsPrintedOnce(CapturedOutput output) {
        when(users.count()).thenReturn(0L);
        bootstrap(null, null, null).run(new DefaultApplicationArguments());

        ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
        verify(users).create(eq(AdminBootstrap.DEFAULT_ADMIN_EMAIL), anyString(), hash.capture(), eq(true));
        String printed = output.getOut().replaceAll("(?s).*Password:\\s+(\\S+).*", "$1");
        assertThat(printed).hasSize(20);
        assertThat(encoder.matches(printed, hash.getValue())).isTrue();
        assertThat(output.getOut()).contains("Sign in with:   " + AdminBootstrap.DEFAULT_ADMIN_EMAIL);
    }

    @Test
    void configuredAdminIsCreatedWithThatPasswordAndNothingIsPrinted(CapturedOutput output) {
        when(users.count()).thenReturn(0L);
        bootstrap("ops@example.com", "a-configured-password", null).run(new DefaultApplicationArguments());

        ArgumentCaptor<String> hash = ArgumentCaptor.forClass(String.class);
        verify(users).create(eq("ops@example.com"), anyString(), hash.capture(), eq(true));
        assertThat(encoder.matches("a-configured-password", hash.getValue())).isTrue();
        assertThat(output.getOut()).doesNotContain("a-configured-password");
    }

    @Test
    void nothingIsCreatedWhenUsersExist() {
        when(users.count()).thenReturn(3L);
        bootstrap(null, null, null).run(new DefaultApplicationArguments());
        verify(users, never()).create(anyString(), anyString(), anyString(), anyBoolean());
    }

    @Test
    void aTooShortBootstrapKeyStopsTheStart() {
        when(users.count()).thenReturn(1L);
        assertThatThrownBy(() -> bootstrap(null, null, "short").run(new DefaultApplicationArguments()))
                .hasMessageContaining("at least 32 characters");
        verify(keys, never()).create(any(), anyString(), anyString(), any());
    }

    private static PlatformTransactionManager transactionManager() {
        PlatformTransactionManager manager = mock(PlatformTransactionManager.class);
        when(manager.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        return manager;
    }
}
