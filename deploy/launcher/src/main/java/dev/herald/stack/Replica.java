package dev.herald.stack;

/** A further instance of a service that a test can kill as a crash would. */
public final class Replica {

    private final ServiceProcess process;

    Replica(ServiceProcess process) {
        this.process = process;
    }

    public String baseUrl() {
        return process.baseUrl();
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
