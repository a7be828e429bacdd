package dev.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.herald.stack.chaos.Chaos;

/**
 * The short run of {@code ./herald chaos}: a minute of work while every process is killed at least once, then nothing
 * lost or duplicated anywhere a reader or subscriber looks. A new seed each build; a failure prints it for a replay.
 */
class ChaosIT {

    private static final Duration RUN = Duration.ofSeconds(60);

    @Test
    void aMinuteOfKillingEveryProcessLosesAndDuplicatesNothing() {
        long seed = Long.getLong("chaos.seed", new Random().nextLong());
        Chaos.Outcome outcome = Chaos.run(Path.of(System.getProperty("herald.home")), RUN, seed, System.out);

        assertThat(outcome.passed()).as("every check of seed %d (./herald chaos --minutes 1 --seed %d):%n%s", seed, seed,
                outcome.summary()).isTrue();
        assertThat(outcome.faults()).as("every part was killed, bad records were sent, the receiver went down")
                .containsKeys("Kafka broker killed", "PostgreSQL killed", "attendees-service killed", "content-service killed",
                        "feed-service replica 1 killed", "feed-service replica 2 killed", "bad records sent",
                        "webhook receiver down");
    }
}
