package com.herald.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * One node of a clustered Quartz 2.5 scheduler (JDBC JobStoreTX on MariaDB, StdJDBCDelegate, isClustered=true), for
 * the burst comparison. Its no-op job appends "nominal_ms actual_ms node trigger" to the node's file (flushed every
 * 200 ms) and does nothing else.
 *
 * <p>{@code QuartzNode run <jdbc url> <node name> <threads> <fires file>} runs until SIGTERM.
 * {@code QuartzNode seed <jdbc url> <n> <fire epoch second>} adds n jobs, each with one cron trigger firing once at
 * that second (misfire: fire once now), in one transaction, without starting a scheduler.
 *
 * <p>Tuning (as recommended for bursts): threadPool.threadCount = threads,
 * batchTriggerAcquisitionMaxCount = threads, batchTriggerAcquisitionFireAheadTimeWindow = 1000 ms,
 * acquireTriggersWithinLock = true, clusterCheckinInterval = 5000 ms, misfireThreshold = 60 s.
 */
public final class QuartzNode {

    static volatile BufferedWriter out;
    static volatile String node;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "run" -> run(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            case "seed" -> seed(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static Properties props(String url, String instanceId, int threads) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "HeraldBenchCluster");
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "1000");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", "qds");
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.dataSource.qds.provider", "hikaricp");
        p.setProperty("org.quartz.dataSource.qds.driver", "org.mariadb.jdbc.Driver");
        p.setProperty("org.quartz.dataSource.qds.URL", url);
        p.setProperty("org.quartz.dataSource.qds.user", "root");
        p.setProperty("org.quartz.dataSource.qds.password", "");
        p.setProperty("org.quartz.dataSource.qds.maxConnections", Integer.toString(threads + 4));
        return p;
    }

    static void run(String url, String name, int threads, Path file) throws Exception {
        node = name;
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        var flusher = Executors.newSingleThreadScheduledExecutor();
        flusher.scheduleAtFixedRate(QuartzNode::flush, 200, 200, TimeUnit.MILLISECONDS);
        Scheduler scheduler = new StdSchedulerFactory(props(url, name, threads)).getScheduler();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                scheduler.shutdown(false);
            } catch (Exception ignored) {
                // exiting
            }
            flush();
        }));
        scheduler.start();
        System.out.println("quartz node " + name + " started, " + threads + " threads");
        Thread.currentThread().join();
    }

    static synchronized void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            System.err.println(e);
        }
    }

    static void seed(String url, int n, long fireSecond) throws Exception {
        Scheduler scheduler = new StdSchedulerFactory(props(url, "seeder", 2)).getScheduler();
        ZonedDateTime z = ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(fireSecond), ZoneOffset.UTC);
        String cron = "%d %d %d %d %d ? %d".formatted(z.getSecond(), z.getMinute(), z.getHour(), z.getDayOfMonth(), z.getMonthValue(), z.getYear());
        long t0 = System.nanoTime();
        int batch = 1000;
        for (int from = 0; from < n; from += batch) {
            Map<JobDetail, Set<? extends Trigger>> jobs = new HashMap<>();
            for (int i = from; i < Math.min(n, from + batch); i++) {
                JobDetail job = JobBuilder.newJob(NoOpJob.class).withIdentity("job-" + i, "burst").build();
                Trigger trigger = TriggerBuilder.newTrigger()
                        .withIdentity("trigger-" + i, "burst")
                        .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                                .inTimeZone(java.util.TimeZone.getTimeZone("UTC"))
                                .withMisfireHandlingInstructionFireAndProceed())
                        .startAt(new Date((fireSecond - 60) * 1000))
                        .build();
                jobs.put(job, new LinkedHashSet<>(Set.of(trigger)));
            }
            scheduler.scheduleJobs(jobs, true);
        }
        System.out.printf("quartz: %d jobs with one cron trigger each (%s UTC) in %.1f s%n", n, cron, (System.nanoTime() - t0) / 1e9);
        scheduler.shutdown();
    }

    public static final class NoOpJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
            long now = System.currentTimeMillis();
            String line = context.getScheduledFireTime().getTime() + "\t" + now + "\t" + node + "\t"
                    + context.getTrigger().getKey().getName() + "\n";
            synchronized (QuartzNode.class) {
                try {
                    out.write(line);
                } catch (IOException e) {
                    System.err.println(e);
                }
            }
        }
    }
}
