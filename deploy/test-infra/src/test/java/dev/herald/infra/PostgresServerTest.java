package dev.herald.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every new cluster starts as a copy of the same pristine one, and what one server stores stays its own. */
class PostgresServerTest {

    @Test
    void aNewClusterStartsEmptyAndKeepsWhatItStoresAcrossARestart(@TempDir Path directory) {
        try (PostgresServer first = PostgresServer.start(0, directory.resolve("first"))) {
            first.ensureDatabase("kept", "kept", "kept");
            assertTrue(first.execute("kept", "create table note (text varchar)"));
        }
        try (PostgresServer second = PostgresServer.start(0, directory.resolve("second"))) {
            assertFalse(second.execute("kept", "select 1"), "a new cluster has only what initdb made");
        }
        try (PostgresServer first = PostgresServer.start(0, directory.resolve("first"))) {
            assertTrue(first.execute("kept", "insert into note values ('still here')"));
        }
    }

    @Test
    void aCopyKilledHalfwayLeavesNoClusterThatLooksWholeAndTheNextStartCopiesAgain(@TempDir Path directory) throws Exception {
        Path halfCopied = Files.createDirectories(directory.resolve("postgres.copying"));
        Files.writeString(halfCopied.resolve("postgresql.conf"), "# the first file cp wrote before the kill\n");

        try (PostgresServer server = PostgresServer.start(0, directory.resolve("postgres"))) {
            assertTrue(server.execute("postgres", "select 1"));
        }
        assertFalse(Files.exists(halfCopied));
    }

    @Test
    void aPristineClusterThatLostAFileToTemporaryDirectoryCleaningIsMadeAgain(@TempDir Path directory) throws Exception {
        PostgresServer.start(0, directory.resolve("first")).close();
        Path template = PristineCluster.location().orElseThrow();
        Files.delete(template.resolve("cluster/global/pg_control"));

        try (PostgresServer second = PostgresServer.start(0, directory.resolve("second"))) {
            assertTrue(second.execute("postgres", "select 1"));
        }
        assertTrue(Files.exists(template.resolve("cluster/global/pg_control")));
    }
}
