package com.herald.scheduling;

import com.herald.identity.HeraldUser;
import com.herald.platform.InvalidRequest;
import com.herald.reports.ReportFormat;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * Schedules and their runs as users manage them, portal and API alike, with product.md §2 applied per object.
 * Every method throws {@link ScheduleException}: NOT_FOUND for what the user may not see, FORBIDDEN when they
 * see it but may not change it, INVALID with every broken rule, CONFLICT, STALE.
 */
public interface ScheduleManager {

    /** Schedules of the teams the user sees, filtered, sorted, one page. */
    SchedulePage search(HeraldUser user, ScheduleQuery query, int limit, int offset);

    Schedule get(HeraldUser user, UUID scheduleId);

    /** A new schedule owned by the user (or by {@code draft.ownerId()} when a team admin sets it). */
    Created create(HeraldUser user, ScheduleDraft draft);

    /**
     * The result of a create: {@code created} is false when the idempotency / deduplication key matched an
     * earlier create of the same user and the same body, and that schedule is returned instead.
     */
    record Created(Schedule schedule, boolean created) {}

    /**
     * Create with an {@code Idempotency-Key}: the same key and the same draft answer the first result; the same
     * key with another draft is a CONFLICT. {@code key} may be null.
     */
    Created create(HeraldUser user, ScheduleDraft draft, String idempotencyKey);

    /** Saves the whole draft if the schedule is still at {@code expectedVersion} (null: whatever it is now). */
    Schedule update(HeraldUser user, UUID scheduleId, ScheduleDraft draft, Integer expectedVersion);

    /** Deletes the schedule; its runs stay in history. */
    void delete(HeraldUser user, UUID scheduleId, Integer expectedVersion);

    Schedule pause(HeraldUser user, UUID scheduleId);

    /** Resumes from now on: fires missed while paused are not caught up. Resets the failure count. */
    Schedule resume(HeraldUser user, UUID scheduleId);

    /** Run now, ignoring the cadence (trigger manual, by the user); the run is queued and starts at once. */
    Run trigger(HeraldUser user, UUID scheduleId);

    /** Runs a {@code missed} run's fire now (trigger backfill, same nominal time and period). */
    Run backfill(HeraldUser user, UUID runId);

    /** Re-opens a finished run to send to the recipients not yet delivered (CONFLICT when there are none). */
    Run retry(HeraldUser user, UUID runId);

    /** Subscribes (or unsubscribes) the user to the schedule's emails; any team member may. */
    Schedule subscribe(HeraldUser user, UUID scheduleId, boolean subscribed);

    /** The rules a draft breaks once its blanks take their defaults, without saving; field names as in api.md. */
    List<InvalidRequest.Problem> check(HeraldUser user, ScheduleDraft draft, UUID scheduleId);

    /** Whether the user may edit, pause, run or delete the schedule (for the portal's buttons). */
    boolean canManage(HeraldUser user, Schedule schedule);

    /** Runs of a schedule, newest first; {@code status} optional. */
    RunPage runs(HeraldUser user, UUID scheduleId, RunStatus status, int limit, int offset);

    /** One run with its deliveries. */
    Run run(HeraldUser user, UUID runId);

    /** A run's artifact in that format (the first one when null), to stream to the user. */
    ArtifactContent artifact(HeraldUser user, UUID runId, ReportFormat format);

    /**
     * The artifact a signed link in an email names (too large to attach). No user: the signature is the permission.
     * NOT_FOUND when the link is forged or expired, or the artifact is gone.
     */
    ArtifactContent linkedArtifact(String token);

    /** An artifact's bytes; the caller closes the stream. */
    record ArtifactContent(RunArtifact artifact, InputStream content) {}
}
