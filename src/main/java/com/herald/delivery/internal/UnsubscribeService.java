package com.herald.delivery.internal;

import com.herald.delivery.LinkSigner;
import com.herald.delivery.RecipientUnsubscribed;
import com.herald.delivery.UnsubscribeTargets;
import com.herald.delivery.Unsubscribes;
import com.herald.identity.AuditEvent;
import com.herald.identity.AuditLog;
import com.herald.platform.PublicUrl;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Unsubscribes}, plus what the unsubscribe pages need: reading a token and recording the choice. */
@Service
public class UnsubscribeService implements Unsubscribes {

    static final String PURPOSE = "unsubscribe";
    private static final int CHUNK = 500;

    /** A valid unsubscribe link: which schedule, which address, and how to name the schedule (if known). */
    public record Target(UUID scheduleId, String email, Optional<String> description) {}

    private final JdbcClient jdbc;
    private final LinkSigner signer;
    private final PublicUrl publicUrl;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final ObjectProvider<UnsubscribeTargets> targets;

    UnsubscribeService(
            JdbcClient jdbc,
            LinkSigner signer,
            PublicUrl publicUrl,
            ApplicationEventPublisher events,
            AuditLog audit,
            ObjectProvider<UnsubscribeTargets> targets) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.publicUrl = publicUrl;
        this.events = events;
        this.audit = audit;
        this.targets = targets;
    }

    @Override
    public String token(UUID scheduleId, String email) {
        // no expiry: the link in a years-old email must still work (RFC 8058 mail clients use it any time)
        return signer.sign(PURPOSE, scheduleId + "\n" + normalize(email), null);
    }

    @Override
    public URI url(UUID scheduleId, String email) {
        return publicUrl.resolve("/unsubscribe/" + token(scheduleId, email));
    }

    @Override
    public boolean isUnsubscribed(UUID scheduleId, String email) {
        return jdbc.sql("SELECT COUNT(*) FROM unsubscribes WHERE schedule_id = ? AND email = ?")
                        .params(scheduleId, normalize(email))
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public Set<String> unsubscribedAmong(UUID scheduleId, Collection<String> emails) {
        List<String> wanted =
                emails.stream().map(UnsubscribeService::normalize).distinct().toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            List<String> chunk = wanted.subList(from, Math.min(wanted.size(), from + CHUNK));
            found.addAll(jdbc
                    .sql("SELECT email FROM unsubscribes WHERE schedule_id = :schedule AND email IN (:emails)")
                    .param("schedule", scheduleId)
                    .param("emails", chunk)
                    .query(String.class)
                    .list()
                    .stream()
                    .map(UnsubscribeService::normalize)
                    .toList());
        }
        return found;
    }

    /** The schedule and address of a token, when it is one of ours and unaltered. */
    public Optional<Target> read(String token) {
        return signer.verify(PURPOSE, token).flatMap(payload -> {
            int newline = payload.indexOf('\n');
            if (newline < 0) {
                return Optional.empty();
            }
            try {
                UUID scheduleId = UUID.fromString(payload.substring(0, newline));
                String email = payload.substring(newline + 1);
                return Optional.of(new Target(scheduleId, email, describe(scheduleId)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Records the choice (again is fine), audits the first time, and tells the schedule's owner module
     * every time, so a listener that missed the first event catches up.
     */
    @Transactional
    public void unsubscribe(Target target) {
        String email = normalize(target.email());
        int added = jdbc.sql("INSERT IGNORE INTO unsubscribes (schedule_id, email, created_at) VALUES (?, ?, ?)")
                .params(target.scheduleId(), email, Timestamp.from(Instant.now()))
                .update();
        if (added > 0) {
            // no signed-in actor: the address itself asked, through a signed link
            String label = target.description().map(d -> email + " · " + d).orElse(email);
            audit.record(AuditEvent.of("recipient.unsubscribed", "schedule", target.scheduleId(), label), null);
        }
        events.publishEvent(new RecipientUnsubscribed(target.scheduleId(), email));
    }

    private Optional<String> describe(UUID scheduleId) {
        return targets.orderedStream()
                .map(target -> target.describe(scheduleId))
                .filter(description -> description != null && description.isPresent())
                .map(Optional::get)
                .filter(description -> !description.isBlank())
                .findFirst();
    }

    private static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
