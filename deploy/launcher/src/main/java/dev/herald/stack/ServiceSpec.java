package dev.herald.stack;

import java.util.List;

/**
 * One of Herald's services as the local stack runs it: its name, usual port, usual management port ({@code /q/health},
 * {@code /q/metrics}, Swagger UI; the one its {@code %dev} profile uses too), database, and the JVM options of its own.
 */
public record ServiceSpec(String name, int defaultPort, int defaultManagementPort, String database, List<String> jvmOptions) {

    // the client-compiler only: a third less CPU to start and 30 MB less resident, and imports ran faster, since on
    // two cores C2's compilations compete with the work (docs/performance.md); feed-service serves at volume and keeps C2
    private static final List<String> QUICK_JIT = List.of("-XX:TieredStopAtLevel=1");

    // C2 only for what stays hot past start-up (ten times the invocations and loops): class loading and configuration
    // code no longer gets compiled by C2 while the other services start, and serving at volume gets there in seconds
    private static final List<String> LATE_C2 = List.of("-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000", "-XX:Tier4CompileThreshold=60000", "-XX:Tier4BackEdgeThreshold=400000");

    public static final ServiceSpec ATTENDEES = new ServiceSpec("attendees-service", 8081, 9081, "attendees", QUICK_JIT);
    public static final ServiceSpec CONTENT = new ServiceSpec("content-service", 8082, 9082, "content", QUICK_JIT);
    public static final ServiceSpec FEED = new ServiceSpec("feed-service", 8080, 9080, "feed", LATE_C2);

    public static final List<ServiceSpec> ALL = List.of(ATTENDEES, CONTENT, FEED);
}
