package dev.herald.stack;

import java.util.List;

/**
 * One of Herald's services as the local stack runs it: its name, usual port, usual management port ({@code /q/health},
 * {@code /q/metrics}, Swagger UI; the one its {@code %dev} profile uses too) and database.
 */
public record ServiceSpec(String name, int defaultPort, int defaultManagementPort, String database) {

    public static final ServiceSpec ATTENDEES = new ServiceSpec("attendees-service", 8081, 9081, "attendees");
    public static final ServiceSpec CONTENT = new ServiceSpec("content-service", 8082, 9082, "content");
    public static final ServiceSpec FEED = new ServiceSpec("feed-service", 8080, 9080, "feed");

    public static final List<ServiceSpec> ALL = List.of(ATTENDEES, CONTENT, FEED);
}
