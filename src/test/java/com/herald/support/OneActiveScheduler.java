package com.herald.support;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Every cached test context runs its own db-scheduler on the one test database, so a context left over from an
 * earlier test class would pick up the executions of the running test (and send its mail to the outbox while the
 * test reads GreenMail, or the other way round). Before each test method this pauses the scheduler of every other
 * context the JVM has loaded and resumes the current one's; after a class, its context's scheduler pauses too. A
 * paused db-scheduler still beats its heart and revives dead executions; it only stops picking due ones.
 * Registered in {@code META-INF/spring.factories}.
 */
public class OneActiveScheduler extends AbstractTestExecutionListener {

    private static final Set<ApplicationContext> CONTEXTS = ConcurrentHashMap.newKeySet();

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Between test classes no scheduler runs: the next class's first test resumes its own. */
    @Override
    public void afterTestClass(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(Scheduler.class).ifAvailable(Scheduler::pause);
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ApplicationContext current = testContext.getApplicationContext();
        CONTEXTS.add(current);
        for (ApplicationContext context : CONTEXTS) {
            if (context instanceof ConfigurableApplicationContext c && !c.isActive()) {
                CONTEXTS.remove(context);
                continue;
            }
            context.getBeanProvider(Scheduler.class).ifAvailable(scheduler -> {
                if (context == current) {
                    scheduler.resume();
                } else {
                    scheduler.pause();
                }
            });
        }
    }
}
