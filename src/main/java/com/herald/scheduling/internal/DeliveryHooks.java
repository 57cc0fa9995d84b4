package com.herald.scheduling.internal;

import com.herald.delivery.DeliveryFailure;
import com.herald.delivery.RecipientUnsubscribed;
import com.herald.delivery.ScheduleNotices;
import com.herald.delivery.UnsubscribeTargets;
import com.herald.platform.PublicUrl;
import com.herald.recipients.Recipient;
import com.herald.recipients.RecipientLists;
import com.herald.scheduling.Schedule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** What the delivery module asks of schedules (unsubscribe pages), and what schedules tell their owners. */
@Component
class DeliveryHooks implements UnsubscribeTargets {

    private static final Logger log = LoggerFactory.getLogger(DeliveryHooks.class);

    private final ScheduleRepository schedules;
    private final RecipientLists lists;
    private final ScheduleNotices notices;
    private final PublicUrl publicUrl;
    private final JdbcClient jdbc;

    DeliveryHooks(
            ScheduleRepository schedules,
            RecipientLists lists,
            ScheduleNotices notices,
            PublicUrl publicUrl,
            JdbcClient jdbc) {
        this.schedules = schedules;
        this.lists = lists;
        this.notices = notices;
        this.publicUrl = publicUrl;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> describe(UUID scheduleId) {
        return schedules.find(scheduleId).map(s -> "“" + s.name() + "” (" + s.reportTypeName() + ")");
    }

    /**
     * An unsubscribe from a schedule's email also marks the address unsubscribed in the schedule's lists that
     * have it: the lists are the team's mailing lists, and the list page should show who opted out.
     */
    @EventListener
    void unsubscribed(RecipientUnsubscribed event) {
        schedules.find(event.scheduleId()).ifPresent(schedule -> {
            for (UUID listId : schedule.listIds()) {
                List<Recipient> members = lists.members(listId);
                members.stream()
                        .filter(m -> m.email().equalsIgnoreCase(event.email()))
                        .findFirst()
                        .ifPresent(m -> lists.markUnsubscribed(listId, m.email()));
            }
        });
    }

    /** Tells the owner, once the pause is committed, why the schedule stopped and how to resume it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void autoPaused(ScheduleOutcomes.AutoPaused event) {
        Optional<Schedule> schedule = schedules.find(event.scheduleId());
        if (schedule.isEmpty()) {
            return;
        }
        Schedule s = schedule.get();
        Owner owner = jdbc.sql("SELECT email, display_name, locale FROM users WHERE id = ?")
                .param(s.ownerId())
                .query((rs, n) -> new Owner(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        try {
            notices.autoPaused(
                    owner.email(),
                    owner.name(),
                    Locale.forLanguageTag(owner.locale()),
                    s.name(),
                    event.failures(),
                    event.lastError(),
                    publicUrl.resolve("/schedules/" + s.id()));
        } catch (DeliveryFailure e) {
            log.warn("Could not tell the owner of schedule {} that it paused itself: {}", s.id(), e.getMessage());
        }
    }

    private record Owner(String email, String name, String locale) {}
}
