package dev.herald.stack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksPageTest {

    @TempDir
    Path home;

    @Test
    void replacesOnlyItsOwnSection() throws IOException {
        Files.createDirectories(home.resolve("docs"));
        Files.writeString(page(), """
                # Benchmarks

                Written by hand.

                <!-- BEGIN performance -->
                old figures
                <!-- END performance -->

                ## Chaos

                <!-- BEGIN chaos -->
                the chaos run
                <!-- END chaos -->
                """);

        BenchmarksPage.write(home, "performance", "| new | figures |");

        assertEquals("""
                # Benchmarks

                Written by hand.

                <!-- BEGIN performance -->
                | new | figures |
                <!-- END performance -->

                ## Chaos

                <!-- BEGIN chaos -->
                the chaos run
                <!-- END chaos -->
                """, Files.readString(page()));
    }

    @Test
    void makesThePageAndAMissingSection() throws IOException {
        BenchmarksPage.write(home, "chaos", "first run\n");
        BenchmarksPage.write(home, "webhook-fan-out", "fan-out");
        BenchmarksPage.write(home, "chaos", "second run\n");

        assertEquals("""
                # Benchmarks

                <!-- BEGIN chaos -->
                second run
                <!-- END chaos -->

                <!-- BEGIN webhook-fan-out -->
                fan-out
                <!-- END webhook-fan-out -->
                """, Files.readString(page()));
    }

    private Path page() {
        return home.resolve("docs/BENCHMARKS.md");
    }
}
