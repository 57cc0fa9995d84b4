package com.herald.scheduling.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each instance claims due schedules in batches ({@link FireHandler#dispatch}) every {@code poll-interval}, and
 * straight away again while batches come back full. Row locks with SKIP LOCKED split a burst between the
 * instances without two ever handling the same schedule; a claim that dies with its instance rolls back and the
 * schedules are claimed again. One transaction per batch, instead of one db-scheduler execution (pick, run,
 * reschedule) per schedule, is what lets 10,000 schedules due at the same second be dispatched within seconds
 * (docs/benchmarks.md). Follows db-scheduler's state: paused or stopping, it claims nothing.
 */
@Component
class FireDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FireDispatcher.class);

    private final FireHandler fires;
    private final ObjectProvider<Scheduler> scheduler;
    private final Duration interval;
    private final int batch;
    private volatile boolean running;
    private volatile boolean backlog;
    private Thread thread;

    FireDispatcher(
            FireHandler fires,
            ObjectProvider<Scheduler> scheduler,
            @Value("${herald.scheduler.fire-poll-interval:500ms}") Duration interval,
            @Value("${herald.scheduler.fire-batch-size:500}") int batch) {
        this.fires = fires;
        this.scheduler = scheduler;
        this.interval = interval;
        this.batch = batch;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("herald-fire-dispatcher").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                if (schedulerActive()) {
                    int total = 0;
                    int handled;
                    do {
                        handled = fires.dispatch(batch);
                        total += handled;
                        backlog = handled == batch;
                    } while (backlog && running);
                    if (total > 0) {
                        scheduler.ifAvailable(Scheduler::triggerCheckForDueExecutions);
                    }
                }
                if (failures > 0) {
                    log.info("Dispatching fires again after {} failed attempts", failures);
                    failures = 0;
                }
                pause(interval);
            } catch (RuntimeException e) {
                backlog = false;
                failures++;
                if (failures == 1 || failures % 60 == 0) {
                    log.warn("Could not dispatch due fires (attempt {}); trying again", failures, e);
                }
                pause(Duration.ofSeconds(Math.min(5, failures)));
            }
        }
    }

    /**
     * Called before a run starts: while this instance still has full batches of due fires to claim, the run waits
     * (at most {@code max}), so that on a 2-core machine the runs already queued do not take the CPU the remaining
     * fires need to become runs — every fire of a burst is recorded on time first, as product.md §3 asks.
     */
    void yieldToFires(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (backlog && running && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private boolean schedulerActive() {
        Scheduler s = scheduler.getIfAvailable();
        if (s == null) {
            return false;
        }
        SchedulerState state = s.getSchedulerState();
        return state.isStarted() && !state.isPaused() && !state.isShuttingDown();
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }
}
