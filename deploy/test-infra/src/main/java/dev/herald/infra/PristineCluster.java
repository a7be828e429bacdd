package dev.herald.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An empty PostgreSQL cluster, made once by initdb and shut down cleanly, that a new data directory starts as a copy
 * of: initdb takes 1.6 s of each clean start on two cores, a copy a fraction of that. Kept in the temporary directory,
 * like the binaries the embedded server unpacks there, one per binaries and locale; elsewhere than on Linux x86-64
 * each new cluster runs initdb as before.
 */
final class PristineCluster {

    private static final String BINARIES = "postgres-linux-x86_64.txz";
    private static final String[] LOCALE = {"LANG", "LC_ALL", "LC_CTYPE", "LC_COLLATE", "LC_MESSAGES"};

    private PristineCluster() {
    }

    /** Makes {@code dataDirectory} a copy of the pristine cluster when it holds no cluster yet. */
    static void copyInto(Path dataDirectory) {
        if (Files.exists(dataDirectory.resolve("postgresql.conf"))) {
            return;
        }
        location().ifPresent(template -> {
            try {
                if (!intact(template)) {
                    Directories.delete(template);
                    make(template);
                }
                copy(template.resolve("cluster"), dataDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not copy the pristine PostgreSQL cluster " + template, e);
            }
        });
    }

    /** Where the pristine cluster for these binaries and this locale is kept: its files and their list. */
    static Optional<Path> location() {
        URL binaries = PristineCluster.class.getClassLoader().getResource(BINARIES);
        if (binaries == null) {
            return Optional.empty();
        }
        // the jar's name carries the version; its folder differs between Maven's repository and a packaged app
        String jar = binaries.toString().replaceFirst("!/.*$", "");
        StringBuilder key = new StringBuilder(jar.substring(jar.lastIndexOf('/') + 1));
        for (String variable : LOCALE) {
            key.append('\0').append(System.getenv().getOrDefault(variable, ""));
        }
        return Optional.of(Path.of(System.getProperty("java.io.tmpdir"), "herald-postgres", sha256(key.toString())));
    }

    /** Every file it was made with is there, as long as it was: cleaning the temporary directory removes old files. */
    private static boolean intact(Path template) throws IOException {
        Path list = template.resolve("files");
        if (!Files.exists(list)) {
            return false;
        }
        for (String line : Files.readAllLines(list)) {
            int tab = line.indexOf('\t');
            Path file = template.resolve("cluster").resolve(line.substring(tab + 1));
            if (!Files.isRegularFile(file) || Files.size(file) != Long.parseLong(line.substring(0, tab))) {
                return false;
            }
        }
        return true;
    }

    /** Built aside and renamed into place, so that a process starting meanwhile never copies half a cluster. */
    private static void make(Path template) throws IOException {
        Path building = template.resolveSibling(template.getFileName() + "." + UUID.randomUUID());
        Path cluster = building.resolve("cluster");
        Files.createDirectories(building);
        try {
            EmbeddedPostgres.builder().setDataDirectory(cluster).setCleanDataDirectory(false)
                    .setPort(FreePorts.pick()).setRegisterShutdownHook(false).start().close();
            try (Stream<Path> files = Files.walk(cluster)) {
                List<String> lines = files.filter(Files::isRegularFile)
                        .map(file -> file.toFile().length() + "\t" + cluster.relativize(file)).toList();
                Files.write(building.resolve("files"), lines);
            }
            Files.move(building, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(template)) {
                throw e;
            }
            // another process made it first; theirs is as good
        } finally {
            Directories.delete(building);
        }
    }

    /**
     * Copied aside and renamed into place: a start killed halfway leaves no data directory that has a postgresql.conf
     * but not the rest. cp, not Files.copy: a thousand small files took the launcher's JVM 0.6-0.8 s, cp a fraction.
     */
    private static void copy(Path cluster, Path dataDirectory) throws IOException {
        Path copying = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".copying");
        Directories.delete(copying);
        Files.createDirectories(copying);
        Files.setPosixFilePermissions(copying, PosixFilePermissions.fromString("rwx------"));
        Process cp = new ProcessBuilder("cp", "-a", cluster + "/.", copying.toString()).redirectErrorStream(true).start();
        try {
            String output = new String(cp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (cp.waitFor() != 0) {
                throw new IOException("cp -a " + cluster + " " + copying + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while copying " + cluster, e);
        }
        Files.deleteIfExists(dataDirectory);
        Files.move(copying, dataDirectory, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
