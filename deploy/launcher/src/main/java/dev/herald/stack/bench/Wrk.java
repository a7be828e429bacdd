package dev.herald.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk (Debian's package) with the settings: two threads, 64 connections, on loopback. */
record Wrk(String duration) {

    private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses|Socket errors");

    String settings() {
        return "wrk -t2 -c64 -d" + duration;
    }

    /** Requests per second; a run with errors or unexpected answers fails the benchmark rather than flatter it. */
    double requestsPerSecond(String url, String... headers) {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c64", "-d" + duration));
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        command.add(url);
        try {
            Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            wrk.waitFor();
            Matcher rate = REQUESTS_PER_SECOND.matcher(output);
            if (wrk.exitValue() != 0 || !rate.find() || ERRORS.matcher(output).find()) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return Double.parseDouble(rate.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException("wrk is missing: apt-get install wrk", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
