package dev.herald.content.bench;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

import org.junit.jupiter.api.Test;

import dev.herald.infra.HeraldTestInfra;
import dev.herald.infra.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A benchmark, not a test (surefire does not pick it up by name). Run it on its own:
 * {@code ./mvnw -pl libs/problem,deploy/test-infra,content-service verify -Dtest=ImportHeapBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Imports the largest zip the default limits accept (close to 32 MiB sent, about 126 MiB unpacked) and prints the
 * largest heap left after a garbage collection during the import (the live set of the JVM: service, in-process Kafka
 * broker and this client together), the peak heap used with garbage, and the slowest answer to other requests sent
 * while the import runs. Run it with {@code -DargLine=-Xmx512m} to see it pass in a small heap.
 */
@QuarkusTest
@WithTestResource(HeraldTestInfra.class)
class ImportHeapBenchmark {

    private static final int POSTS = 14;
    private static final int IMAGE_BYTES = 9 * 1024 * 1024;
    private static final int RANDOM_BYTES = 2 * 1024 * 1024;

    @Test
    void peakHeapDuringTheLargestAcceptedImport() throws Exception {
        // the zip goes from a file through the JDK's client, so that this client adds next to nothing to the heap
        Path zip = largestAcceptedZip();
        long zipBytes = Files.size(zip);
        System.gc();
        long before = heapUsed();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong liveAfterGc = new AtomicLong();
        NotificationListener afterGc = (notification, handback) -> {
            GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
            long used = info.getMemoryUsageAfterGc().entrySet().stream()
                    .filter(pool -> heap.stream().anyMatch(bean -> bean.getName().equals(pool.getKey())))
                    .mapToLong(pool -> pool.getValue().getUsed()).sum();
            liveAfterGc.accumulateAndGet(used, Math::max);
        };
        List<NotificationEmitter> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(NotificationEmitter.class::cast).toList();
        collectors.forEach(collector -> collector.addNotificationListener(afterGc, null, null));

        AtomicBoolean importing = new AtomicBoolean(true);
        List<Long> otherRequests = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (importing.get()) {
                long start = System.nanoTime();
                given().get("/api/reports?size=1").then().statusCode(200);
                otherRequests.add((System.nanoTime() - start) / 1_000_000);
            }
        }, "benchmark-reader");
        long start = System.nanoTime();
        reader.start();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/reports/import"))
                .header("Authorization", "Bearer " + TestTokens.editor()).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofFile(zip)).build(), HttpResponse.BodyHandlers.ofString());
        Files.delete(zip);
        int created = io.restassured.path.json.JsonPath.from(response.body()).getInt("created");
        long took = (System.nanoTime() - start) / 1_000_000;
        importing.set(false);
        reader.join();
        for (NotificationEmitter collector : collectors) {
            collector.removeNotificationListener(afterGc);
        }
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("BENCHMARK largest accepted import: %d reports, %.1f MiB sent, %.1f MiB unpacked, %d ms; "
                + "heap in use before %.0f MiB; largest heap left after a GC during the import %.0f MiB (+%.0f MiB); "
                + "peak heap used, garbage included, %.0f MiB; %d other requests meanwhile, slowest %d ms%n", created,
                zipBytes / 1048576.0, POSTS * (IMAGE_BYTES + 100) / 1048576.0, took, before / 1048576.0,
                liveAfterGc.get() / 1048576.0, (liveAfterGc.get() - before) / 1048576.0, peak / 1048576.0,
                otherRequests.size(), otherRequests.stream().mapToLong(Long::longValue).max().orElse(0));
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Posts with one 9 MiB image each: a PNG signature, 2 MiB of noise, then zeros, so the zip stays under 32 MiB. */
    private static Path largestAcceptedZip() throws IOException {
        Random random = new Random(42);
        Path file = Files.createTempFile("heap-benchmark-", ".zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < POSTS; i++) {
                String slug = "heap-benchmark-" + i;
                zip.putNextEntry(new ZipEntry(slug + "/index.md"));
                zip.write(("---\ntitle: Heap benchmark " + i + "\npublished: false\n---\n![figure](figure.png)\n").getBytes());
                zip.closeEntry();
                byte[] image = new byte[IMAGE_BYTES];
                byte[] noise = new byte[RANDOM_BYTES];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, image, 0, RANDOM_BYTES);
                System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, image, 0, 8);
                zip.putNextEntry(new ZipEntry(slug + "/figure.png"));
                zip.write(image);
                zip.closeEntry();
            }
        }
        return file;
    }
}
