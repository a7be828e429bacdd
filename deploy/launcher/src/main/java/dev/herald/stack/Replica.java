package dev.herald.stack;

/** A further instance of a service that a test can kill as a crash would. */
public final class Replica {

    private final ServiceProcess process;
    private final String baseUrl;

    Replica(ServiceProcess process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The process id, as the delivery log names replicas ({@code pid@host}). */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as when its node or container dies. */
    public void kill() {
        process.kill();
    }
}
