package com.herald.identity.internal;

import com.herald.identity.AuditEvent;
import com.herald.identity.AuditLog;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users for form login and keeps the sign-in record: every success and failure is audited,
 * and {@value #LOCK_AFTER} failures in a row lock the account for 15 minutes. The login page says the
 * same thing for a wrong password, an unknown address and a locked account.
 */
@Service
class HeraldUserDetailsService implements UserDetailsService {

    static final int LOCK_AFTER = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private final UserRepository users;
    private final AuditLog audit;

    HeraldUserDetailsService(UserRepository users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return users.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof ApiKeyAuthentication) {
            return;
        }
        String email = event.getAuthentication().getName();
        users.recordLogin(email);
        audit.record(AuditEvent.of("login.succeeded", "user", null, email), email);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String email = UserRepository.normalize(event.getAuthentication().getName());
        if (email == null || email.length() > 254) {
            return;
        }
        boolean locked = users.recordFailedLogin(email, LOCK_AFTER, LOCKOUT);
        audit.record(
                AuditEvent.of("login.failed", "user", null, email)
                        .withChanges(
                                java.util.Map.of(),
                                java.util.Map.of(
                                        "reason",
                                        event.getException().getClass().getSimpleName(),
                                        "locked",
                                        locked)),
                email);
    }
}
