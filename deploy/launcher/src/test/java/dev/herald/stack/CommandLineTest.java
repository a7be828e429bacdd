package dev.herald.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The launcher as typed in a shell: a command line it cannot read is refused with one line naming the command, the
 * problem and its usage, and exit status 2, before anything starts; a good one still runs.
 */
class CommandLineTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "chaos --seed abc            | herald chaos: --seed needs a whole number, not \"abc\"",
        "chaos --minutes abc         | herald chaos: --minutes needs a number of minutes above 0, at most 1440, not \"abc\"",
        "chaos --minutes -1          | herald chaos: --minutes needs a number of minutes above 0, at most 1440, not \"-1\"",
        "chaos --minutes NaN         | herald chaos: --minutes needs a number of minutes above 0, at most 1440, not \"NaN\"",
        "chaos --seed                | herald chaos: --seed needs a value",
        "chaos --seed 1 --seed 2     | herald chaos: --seed is given twice",
        "chaos --seeds 1             | herald chaos: unknown option --seeds",
        "bench --duration abc        | herald bench: --duration needs a whole number of seconds, minutes or hours such as 10s, 2m or 1h, not \"abc\"",
        "bench 10s                   | herald bench: unexpected 10s",
        "listen --port 70000         | herald listen: --port needs a port from 1 to 65535, not \"70000\"",
        "listen --port x             | herald listen: --port needs a port from 1 to 65535, not \"x\"",
        "up --except nobody          | herald up: --except needs one of [attendees-service, content-service, feed-service], not \"nobody\"",
        "up --cleam                  | herald up: unknown option --cleam",
        "token reader                | herald token: needs editor or admin, not \"reader\"",
        "token editor admin          | herald token: unexpected admin",
    })
    void aBadCommandLineIsOneLineAndStatus2(String commandLine, String problem) throws Exception {
        Run run = herald(commandLine.split(" "));

        assertEquals(2, run.status);
        assertEquals(1, run.errors.size(), () -> String.join("\n", run.errors));
        assertTrue(run.errors.get(0).startsWith(problem + " (usage: herald "), run.errors.get(0));
        assertEquals("", run.output);
        assertTrue(Files.notExists(home.resolve(".herald")), "nothing was started");
    }

    @Test
    void aGoodOneRuns() throws Exception {
        Run run = herald("token", "admin");

        assertEquals(0, run.status, () -> String.join("\n", run.errors));
        assertTrue(run.output.startsWith("eyJ"), run.output);
    }

    private record Run(int status, String output, List<String> errors) {
    }

    private Run herald(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dherald.home=" + home, "-cp", System.getProperty("java.class.path"), Herald.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("herald " + String.join(" ", arguments) + " did not end");
        }
        return new Run(process.exitValue(), output, errors.lines().toList());
    }
}
