package com.herald.identity;

import com.herald.identity.internal.PasswordPolicy;
import com.herald.identity.internal.UserRepository;
import com.herald.identity.internal.UserTokenRepository;
import com.herald.identity.internal.UserTokenRepository.Purpose;
import com.herald.platform.InvalidRequest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: administration, invitations, password resets, own profile and sessions (product.md §1, §9). */
@Service
public class AccountService {

    public static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    public static final Duration RESET_VALIDITY = Duration.ofHours(1);
    public static final Set<String> LOCALES = Set.of("en", "de");
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

    public record NewUser(
            String email, String name, boolean systemAdmin, String password, String timeZone, String locale) {}

    public record UserChanges(String name, boolean systemAdmin, boolean enabled, String timeZone, String locale) {}

    private final UserRepository users;
    private final UserTokenRepository tokens;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountService(
            UserRepository users,
            UserTokenRepository tokens,
            PasswordPolicy policy,
            PasswordEncoder encoder,
            AuditLog audit,
            ApplicationEventPublisher events,
            FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.users = users;
        this.tokens = tokens;
        this.policy = policy;
        this.encoder = encoder;
        this.audit = audit;
        this.events = events;
        this.sessions = sessions;
    }

    public Optional<UserAccount> find(UUID id) {
        return users.account(id);
    }

    public List<UserAccount> search(String query, int limit, int offset) {
        return users.search(blankToNull(query), limit, offset);
    }

    public long count(String query) {
        return users.countMatching(blankToNull(query));
    }

    /** Creates a user; without a password an invitation is emailed with a link to set one. */
    @Transactional
    public UserAccount create(NewUser user, String invitedBy, String baseUrl) {
        List<InvalidRequest.Problem> problems = new ArrayList<>();
        String email = UserRepository.normalize(user.email());
        checkEmail(email, problems);
        checkName(user.name(), problems);
        String zone = user.timeZone() == null || user.timeZone().isBlank() ? "UTC" : user.timeZone();
        String locale = user.locale() == null || user.locale().isBlank() ? "en" : user.locale();
        checkZoneAndLocale(zone, locale, problems);
        boolean invite = user.password() == null || user.password().isEmpty();
        if (!invite) {
            policy.violation(user.password(), email)
                    .ifPresent(key -> problems.add(new InvalidRequest.Problem("password", key)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        UUID id;
        try {
            id = users.create(
                    email,
                    user.name().trim(),
                    invite ? null : encoder.encode(user.password()),
                    user.systemAdmin(),
                    zone,
                    locale);
        } catch (DuplicateKeyException e) {
            throw InvalidRequest.of("email", "validation.email.taken");
        }
        audit.record(AuditEvent.of("user.created", "user", id, email)
                .withChanges(Map.of(), snapshot(user.name().trim(), user.systemAdmin(), true, zone, locale)));
        if (invite) {
            sendInvitation(id, email, invitedBy, locale, baseUrl);
        }
        return users.account(id).orElseThrow();
    }

    void sendInvitation(UUID userId, String email, String invitedBy, String locale, String baseUrl) {
        String token = tokens.issue(userId, Purpose.INVITATION, INVITATION_VALIDITY);
        events.publishEvent(new IdentityMail.Invitation(email, invitedBy, baseUrl + "/invitations/" + token, locale));
        audit.record(AuditEvent.of("user.invited", "user", userId, email));
    }

    @Transactional
    public UserAccount update(UUID id, UserChanges changes, HeraldUser actor) {
        UserAccount before = users.account(id).orElseThrow(() -> InvalidRequest.of("id", "validation.user.unknown"));
        List<InvalidRequest.Problem> problems = new ArrayList<>();
        checkName(changes.name(), problems);
        checkZoneAndLocale(changes.timeZone(), changes.locale(), problems);
        if (actor.id().equals(id) && (!changes.enabled() || !changes.systemAdmin()) && before.systemAdmin()) {
            problems.add(new InvalidRequest.Problem("systemAdmin", "validation.user.notYourself"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        users.update(
                id,
                changes.name().trim(),
                changes.systemAdmin(),
                changes.enabled(),
                changes.timeZone(),
                changes.locale());
        audit.record(AuditEvent.of("user.updated", "user", id, before.email())
                .withChanges(
                        snapshot(
                                before.displayName(),
                                before.systemAdmin(),
                                before.enabled(),
                                before.timeZone(),
                                before.locale()),
                        snapshot(
                                changes.name().trim(),
                                changes.systemAdmin(),
                                changes.enabled(),
                                changes.timeZone(),
                                changes.locale())));
        if (before.enabled() && !changes.enabled()) {
            revokeSessions(id);
        }
        return users.account(id).orElseThrow();
    }

    /** Signs the user out everywhere by deleting their sessions from the session store. */
    public int revokeSessions(UUID userId) {
        return users.account(userId)
                .map(account -> {
                    Map<String, ? extends Session> found = sessions.findByPrincipalName(account.email());
                    found.keySet().forEach(sessions::deleteById);
                    audit.record(AuditEvent.of("user.sessions_revoked", "user", userId, account.email())
                            .withChanges(Map.of(), Map.of("sessions", found.size())));
                    return found.size();
                })
                .orElse(0);
    }

    /** An administrator sends the user a link to choose a new password. */
    @Transactional
    public void sendPasswordReset(UUID userId, String baseUrl) {
        users.account(userId).ifPresent(account -> {
            String token = tokens.issue(userId, Purpose.PASSWORD_RESET, RESET_VALIDITY);
            events.publishEvent(new IdentityMail.PasswordReset(
                    account.email(), baseUrl + "/reset-password/" + token, account.locale()));
            audit.record(AuditEvent.of("user.password_reset_sent", "user", userId, account.email()));
        });
    }

    /** Self-service: the same outcome for the caller whether or not the address exists. */
    @Transactional
    public void requestPasswordReset(String email, String baseUrl) {
        users.findByEmail(email).filter(HeraldUser::isEnabled).ifPresent(user -> {
            String token = tokens.issue(user.id(), Purpose.PASSWORD_RESET, RESET_VALIDITY);
            events.publishEvent(
                    new IdentityMail.PasswordReset(user.email(), baseUrl + "/reset-password/" + token, user.locale()));
            audit.record(AuditEvent.of("user.password_reset_requested", "user", user.id(), user.email()), user.email());
        });
    }

    public Optional<UserAccount> invitationFor(String token) {
        return tokens.peek(token, Purpose.INVITATION).flatMap(users::account);
    }

    public boolean resetTokenValid(String token) {
        return tokens.peek(token, Purpose.PASSWORD_RESET).isPresent();
    }

    /** Sets name and password from an invitation link; the link then stops working. */
    @Transactional
    public UserAccount acceptInvitation(String token, String name, String password) {
        UserAccount account =
                invitationFor(token).orElseThrow(() -> InvalidRequest.of("token", "validation.token.invalid"));
        List<InvalidRequest.Problem> problems = new ArrayList<>();
        checkName(name, problems);
        policy.violation(password, account.email())
                .ifPresent(key -> problems.add(new InvalidRequest.Problem("password", key)));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        tokens.consume(token, Purpose.INVITATION)
                .orElseThrow(() -> InvalidRequest.of("token", "validation.token.invalid"));
        users.update(account.id(), name.trim(), account.systemAdmin(), true, account.timeZone(), account.locale());
        users.setPassword(account.id(), encoder.encode(password));
        audit.record(AuditEvent.of("user.invitation_accepted", "user", account.id(), account.email()), account.email());
        return users.account(account.id()).orElseThrow();
    }

    @Transactional
    public void resetPassword(String token, String password) {
        UUID userId = tokens.peek(token, Purpose.PASSWORD_RESET)
                .orElseThrow(() -> InvalidRequest.of("token", "validation.token.invalid"));
        UserAccount account = users.account(userId).orElseThrow();
        policy.violation(password, account.email()).ifPresent(key -> {
            throw InvalidRequest.of("password", key);
        });
        tokens.consume(token, Purpose.PASSWORD_RESET)
                .orElseThrow(() -> InvalidRequest.of("token", "validation.token.invalid"));
        users.setPassword(userId, encoder.encode(password));
        audit.record(AuditEvent.of("user.password_reset", "user", userId, account.email()), account.email());
        revokeSessions(userId);
    }

    @Transactional
    public void changePassword(HeraldUser user, String current, String replacement) {
        HeraldUser stored = users.findById(user.id()).orElseThrow();
        if (current == null || stored.getPassword() == null || !encoder.matches(current, stored.getPassword())) {
            throw InvalidRequest.of("currentPassword", "validation.password.currentWrong");
        }
        policy.violation(replacement, stored.email()).ifPresent(key -> {
            throw InvalidRequest.of("newPassword", key);
        });
        users.setPassword(user.id(), encoder.encode(replacement));
        audit.record(AuditEvent.of("user.password_changed", "user", user.id(), user.email()));
    }

    @Transactional
    public UserAccount updateProfile(HeraldUser user, String name, String timeZone, String locale) {
        UserAccount before = users.account(user.id()).orElseThrow();
        List<InvalidRequest.Problem> problems = new ArrayList<>();
        checkName(name, problems);
        checkZoneAndLocale(timeZone, locale, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequest(problems);
        }
        users.update(user.id(), name.trim(), before.systemAdmin(), before.enabled(), timeZone, locale);
        audit.record(AuditEvent.of("user.profile_updated", "user", user.id(), user.email())
                .withChanges(
                        Map.of("name", before.displayName(), "time_zone", before.timeZone(), "locale", before.locale()),
                        Map.of("name", name.trim(), "time_zone", timeZone, "locale", locale)));
        return users.account(user.id()).orElseThrow();
    }

    private static Map<String, Object> snapshot(
            String name, boolean admin, boolean enabled, String zone, String locale) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", name);
        map.put("system_admin", admin);
        map.put("enabled", enabled);
        map.put("time_zone", zone);
        map.put("locale", locale);
        return map;
    }

    static void checkEmail(String email, List<InvalidRequest.Problem> problems) {
        if (email == null || email.isBlank()) {
            problems.add(new InvalidRequest.Problem("email", "validation.email.required"));
        } else if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            problems.add(new InvalidRequest.Problem("email", "validation.email.invalid"));
        }
    }

    private static void checkName(String name, List<InvalidRequest.Problem> problems) {
        if (name == null || name.isBlank()) {
            problems.add(new InvalidRequest.Problem("name", "validation.name.required"));
        } else if (name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new InvalidRequest.Problem("name", "validation.name.invalid"));
        }
    }

    private static void checkZoneAndLocale(String zone, String locale, List<InvalidRequest.Problem> problems) {
        try {
            if (zone == null || zone.length() > 64) {
                throw new DateTimeException("bad zone");
            }
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add(new InvalidRequest.Problem("timeZone", "validation.timeZone.invalid"));
        }
        if (locale == null || !LOCALES.contains(locale)) {
            problems.add(new InvalidRequest.Problem("locale", "validation.locale.invalid"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
