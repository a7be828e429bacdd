package dev.herald.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The {@code herald} script as the README uses it: {@code $(./herald token editor)} is the token and nothing else. */
class HeraldScriptIT {

    @Test
    void aTokenIsAllThatGoesToStandardOutputEvenWhenTheJvmWarns() throws Exception {
        Path home = Path.of(System.getProperty("herald.home"));
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("herald").toString(), "token", "editor");
        // a JVM warning through unified logging, as the launcher's AOT cache gives some, or a machine without large pages
        builder.environment().put("JDK_JAVA_OPTIONS", "-XX:+UseLargePages");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "herald token did not end");

        assertEquals(0, process.exitValue(), errors);
        List<String> lines = output.lines().toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).matches("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+"), output);
    }
}
