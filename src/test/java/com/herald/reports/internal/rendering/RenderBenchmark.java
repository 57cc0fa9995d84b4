package com.herald.reports.internal.rendering;

import com.herald.reports.RenderRequest;
import com.herald.reports.RenderedArtifact;
import com.herald.reports.ReportFormat;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The rendering benchmark (not a test): renders {@code rows} synthetic rows × 10 mixed-type columns in one format to a
 * file and prints rows/s and the peak heap. Run by {@code bench/render}, one JVM per format, with {@code -Xmx256m}.
 *
 * <p>Usage: {@code RenderBenchmark FORMAT ROWS [MAX_ROWS] [DIR]}; {@code MAX_ROWS} 0 means the format's default cap.
 */
public final class RenderBenchmark {

    private RenderBenchmark() {}

    public static void main(String[] args) throws Exception {
        ReportFormat format = ReportFormat.valueOf(args[0].toUpperCase(Locale.ROOT));
        long rows = Long.parseLong(args[1]);
        long maxRows = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Path dir = Path.of(args.length > 3 ? args[3] : "target/bench-render");
        StreamingReportRenderer renderer = new StreamingReportRenderer();

        // warm-up: the JIT compiles the row loop before the measured run
        renderer.renderToFile(
                        new SyntheticResultSet(Math.min(rows, format == ReportFormat.PDF ? 2_000 : 50_000)),
                        RenderRequest.of("Warm-up", "", format),
                        dir)
                .delete();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }

        RenderRequest request = RenderRequest.of("Orders benchmark", "2024-01-01 – 2025-12-31", format)
                .withMaxRows(maxRows);
        AtomicLong maxLiveAfterGc = new AtomicLong();
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                            (CompositeData) notification.getUserData());
                                    // heap pools only: the map also holds metaspace and the code cache
                                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                                            .filter(e -> heapPools.contains(e.getKey()))
                                            .mapToLong(e -> e.getValue().getUsed())
                                            .sum();
                                    maxLiveAfterGc.accumulateAndGet(used, Math::max);
                                }
                            },
                            null,
                            null);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        RenderedArtifact artifact = renderer.renderToFile(new SyntheticResultSet(rows), request, dir);
        long nanos = System.nanoTime() - t0;
        long cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;

        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        long written = artifact.result().rowCount();
        double seconds = nanos / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%-4s rows=%,d truncatedByRowLimit=%s time=%.2fs rows/s=%,.0f (per CPU-s of the rendering thread: %,.0f)"
                        + " size=%,d bytes peakHeap=%,.0f MiB (sum of pool peaks, garbage included)"
                        + " maxAfterGc=%,.0f MiB maxHeap=%,.0f MiB%n",
                format,
                written,
                artifact.result().truncatedByRowLimit(),
                seconds,
                written / seconds,
                written / (cpuNanos / 1e9),
                artifact.sizeBytes(),
                peakHeap / 1048576.0,
                maxLiveAfterGc.get() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0);
        // machine-readable for bench/run-all (product.md §8 Reports)
        String name = format.name().toLowerCase(Locale.ROOT);
        long target = format == ReportFormat.CSV ? 200_000 : format == ReportFormat.XLSX ? 100_000 : 0;
        double rate = written / seconds;
        System.out.printf(
                Locale.ROOT,
                "RESULT name=render.%s value=%.0f unit=rows/s target=%s met=%s%n",
                name,
                rate,
                target > 0 ? ">=" + target : "-",
                target > 0 ? (rate >= target ? "yes" : "no") : "-");
        System.out.printf(
                Locale.ROOT,
                "RESULT name=render.%s.heap_after_gc value=%.0f unit=MiB target=<=256 met=%s%n",
                name,
                maxLiveAfterGc.get() / 1048576.0,
                maxLiveAfterGc.get() / 1048576.0 <= 256 ? "yes" : "no");
        artifact.delete();
    }
}
