package dev.herald.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time (user + system) used by the processes that share a fan-out's work, from the kernel's accounting: feed-service,
 * PostgreSQL (the postmaster and its backends, which live as long as the services' pools) and this JVM: the receivers
 * and the Kafka broker, which runs in the launcher.
 */
record CpuTime(Duration feed, Duration postgres, Duration launcher) {

    static CpuTime now(long feedPid, Path postgresData) {
        return new CpuTime(used(ProcessHandle.of(feedPid).stream()), used(postmaster(postgresData)),
                used(Stream.of(ProcessHandle.current())));
    }

    CpuTime since(CpuTime before) {
        return new CpuTime(feed.minus(before.feed), postgres.minus(before.postgres), launcher.minus(before.launcher));
    }

    private static Stream<ProcessHandle> postmaster(Path dataDirectory) {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid).stream().flatMap(postmaster -> Stream.concat(Stream.of(postmaster),
                    postmaster.descendants()));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's pid file is unreadable", e);
        }
    }

    private static Duration used(Stream<ProcessHandle> processes) {
        return processes.map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
