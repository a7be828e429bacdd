package dev.herald.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import dev.herald.infra.Directories;
import dev.herald.infra.FreePorts;
import dev.herald.stack.ChildProcesses;

/** Debian's nginx serving one document and its gzip twin ({@code gzip_static}), the reference for feed-service. */
final class Nginx implements AutoCloseable {

    // SIGTERM is nginx's fast shutdown: it does not wait for open connections
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path root;

    private Nginx(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    /** Serves {@code bytes} as {@code /<name>} and, to clients that accept gzip, {@code <name>.gz}. */
    static Nginx serving(String name, byte[] bytes, String contentType) {
        try {
            // nginx workers may run as another user than this JVM: what they serve must be readable by all
            Path root = Files.createTempDirectory("herald-bench-nginx",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.write(root.resolve(name), bytes);
            try (GZIPOutputStream gzip = new GZIPOutputStream(Files.newOutputStream(root.resolve(name + ".gz")))) {
                gzip.write(bytes);
            }
            for (String file : new String[] {name, name + ".gz"}) {
                Files.setPosixFilePermissions(root.resolve(file), PosixFilePermissions.fromString("rw-r--r--"));
            }
            int port = FreePorts.pick();
            Files.writeString(root.resolve("nginx.conf"), """
                    daemon off;
                    worker_processes auto;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log;
                    events { worker_connections 1024; }
                    http {
                        access_log off;
                        client_body_temp_path %1$s; proxy_temp_path %1$s; fastcgi_temp_path %1$s; uwsgi_temp_path %1$s; scgi_temp_path %1$s;
                        default_type "%3$s";
                        types { }
                        gzip_static on;
                        server { listen 127.0.0.1:%2$d; root %1$s; etag on; }
                    }
                    """.formatted(root, port, contentType));
            Process process = new ProcessBuilder("nginx", "-p", root.toString(), "-c", root.resolve("nginx.conf").toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("nginx.out").toFile()).start();
            Nginx nginx = new Nginx(process, port, root);
            nginx.awaitListening(Duration.ofSeconds(10));
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException("nginx is missing: apt-get install nginx", e);
        }
    }

    String url(String name) {
        return "http://127.0.0.1:" + port + "/" + name;
    }

    private void awaitListening(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue());
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Bench.pause(Duration.ofMillis(50));
            }
        }
        throw new IllegalStateException("nginx did not listen within " + timeout);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, STOP_GRACE);
        Directories.delete(root);
    }
}
