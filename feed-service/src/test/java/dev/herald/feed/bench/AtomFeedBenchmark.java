package dev.herald.feed.bench;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.herald.feed.ReportEvents;
import dev.herald.infra.FreePorts;
import dev.herald.infra.HeraldTestInfra;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The Atom feed benchmark, a command rather than a test (surefire's default run leaves it out):
 * {@code ./mvnw -pl deploy/test-infra,feed-service verify -Dtest=AtomFeedBenchmark}. It fills the feed with 20
 * reports, then measures with wrk (Debian) the requests/s of feed-service and of nginx (Debian) serving the same
 * bytes, for full answers (200), full answers to clients accepting gzip (nginx: {@code gzip_static} serving
 * feed-service's gzip bytes) and revalidations (304, each server its own tag), in the same run, after a warm-up of
 * feed-service. Needs {@code apt-get install wrk nginx}; {@code -Dbench.duration=10s} sets the length of each run,
 * {@code -Dbench.rounds=2} how often each comparison runs.
 */
@QuarkusTest
@TestProfile(AtomFeedBenchmark.AsInProduction.class)
@WithTestResource(HeraldTestInfra.class)
class AtomFeedBenchmark {

    /** Tracing as production runs it: off unless a collector is configured (the test profile records every span). */
    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.quarkus.otel.sdk.disabled", "true");
        }
    }

    static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    static final String DURATION = System.getProperty("bench.duration", "10s");
    // the machine is shared and noisy: -Dbench.rounds=2 measures every comparison twice in one run
    static final int ROUNDS = Integer.getInteger("bench.rounds", 1);
    static final String GZIP = "gzip";

    @TestHTTPResource("/feeds/atom.xml")
    URL feed;

    @Test
    void atomFeedAgainstNginx() throws Exception {
        try (ReportEvents events = new ReportEvents()) {
            for (int i = 1; i <= 20; i++) {
                ObjectNode report = ReportEvents.report(UUID.randomUUID(), 1, "bench-" + i, "Benchmark report " + i,
                        Instant.parse("2030-01-01T00:00:00Z").plusSeconds(i).toString());
                report.put("html", "<p>" + "A paragraph of a typical report, with a <a href=\"/x\">link</a>. ".repeat(2) + "</p>");
                events.send(ReportEvents.PUBLISHED, report);
            }
        }
        // all 20 on the first page: the partitions are consumed independently
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().get(feed.toString()).asString().split("<title type=\"text\">Benchmark report ").length == 21);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> ours = http.send(HttpRequest.newBuilder(feed.toURI()).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> oursGzip = http.send(HttpRequest.newBuilder(feed.toURI()).header("Accept-Encoding", GZIP).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", oursGzip.headers().firstValue("Content-Encoding").orElse(null), "feed-service sends gzip");

        // nginx workers may run as another user than this JVM: the served directory must be readable by all
        Path root = Files.createTempDirectory("herald-bench-nginx", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        for (String name : List.of("atom.xml", "atom.xml.gz")) {
            Files.write(root.resolve(name), name.endsWith(".gz") ? oursGzip.body() : ours.body());
            Files.setPosixFilePermissions(root.resolve(name), PosixFilePermissions.fromString("rw-r--r--"));
        }
        int port = FreePorts.pick();
        // gzip_static: nginx sends atom.xml.gz, the bytes feed-service sends, to clients that accept gzip
        Files.writeString(root.resolve("nginx.conf"), """
                daemon off;
                worker_processes auto;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s; proxy_temp_path %1$s; fastcgi_temp_path %1$s; uwsgi_temp_path %1$s; scgi_temp_path %1$s;
                    types { application/atom+xml xml; }
                    server { listen 127.0.0.1:%2$d; root %1$s; etag on; gzip_static on; }
                }
                """.formatted(root, port));
        Process nginx = new ProcessBuilder("nginx", "-p", root.toString(), "-c", root.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("nginx.out").toFile()).start();
        try {
            URI nginxFeed = URI.create("http://127.0.0.1:" + port + "/atom.xml");
            await().atMost(Duration.ofSeconds(10)).until(() -> listening(port));
            HttpResponse<byte[]> theirs = http.send(HttpRequest.newBuilder(nginxFeed).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(ours.body().length, theirs.body().length, "nginx serves the same bytes");
            HttpResponse<byte[]> theirsGzip = http.send(HttpRequest.newBuilder(nginxFeed).header("Accept-Encoding", GZIP).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(oursGzip.body().length, theirsGzip.body().length, "nginx serves the same gzip bytes");

            List<Comparison> comparisons = List.of(
                    new Comparison("200     ", List.of(), List.of()),
                    new Comparison("200 gzip", List.of("Accept-Encoding: " + GZIP), List.of("Accept-Encoding: " + GZIP)),
                    // each server revalidates its own tag
                    new Comparison("304     ", List.of("If-None-Match: " + ours.headers().firstValue("ETag").orElseThrow()),
                            List.of("If-None-Match: " + theirs.headers().firstValue("ETag").orElseThrow())));
            List<String> lines = new ArrayList<>();
            lines.add(String.format("Atom feed, %d bytes (%d gzipped), wrk -t2 -c64 -d%s, %d round(s)",
                    ours.body().length, oursGzip.body().length, DURATION, ROUNDS));
            // the JVM compiles its hot paths first; nginx has nothing to warm up
            for (Comparison comparison : comparisons) {
                wrk(feed.toString(), comparison.ourHeaders());
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Comparison comparison : comparisons) {
                    double ourRate = wrk(feed.toString(), comparison.ourHeaders());
                    double nginxRate = wrk(nginxFeed.toString(), comparison.nginxHeaders());
                    lines.add(String.format("%s  feed-service %10.0f req/s   nginx %10.0f req/s   ratio %.2f",
                            comparison.name(), ourRate, nginxRate, ourRate / nginxRate));
                }
            }
            System.out.println(String.join(System.lineSeparator(), lines));
        } finally {
            nginx.destroy();
            nginx.waitFor();
        }
    }

    /** One kind of request, sent to feed-service and to nginx with the headers each needs. */
    record Comparison(String name, List<String> ourHeaders, List<String> nginxHeaders) {
    }

    private static double wrk(String url, List<String> headers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c64", "-d" + DURATION));
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        wrk.waitFor();
        Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk printed no rate:\n" + output);
        }
        if (output.contains("Non-2xx or 3xx responses")) {
            throw new IllegalStateException("errors during the run:\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
