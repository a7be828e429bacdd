package dev.herald.manifests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's docker-compose (1.29) to validate a compose file against its schema; it needs no Docker engine. */
final class ComposeCli {

    /** The outcome of {@code docker-compose config -q}; output holds its complaints. */
    record Result(boolean valid, String output) {
    }

    private ComposeCli() {
    }

    static boolean installed() {
        try {
            Process process = new ProcessBuilder("docker-compose", "version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Validates composeFile, resolving its relative paths (build contexts, bind mounts) against projectDirectory. */
    static Result configQuiet(Path composeFile, Path projectDirectory) {
        try {
            Process process = new ProcessBuilder(List.of("docker-compose", "--file", composeFile.toString(),
                    "--project-directory", projectDirectory.toString(), "config", "--quiet"))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(false, "docker-compose config did not finish in 120 s");
            }
            return new Result(process.exitValue() == 0, output);
        } catch (IOException e) {
            throw new IllegalStateException("docker-compose could not be run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
