package dev.herald.stack;

import java.util.List;

/** One of Herald's services as the local stack runs it: its name, usual port and database. */
public record ServiceSpec(String name, int defaultPort, String database) {

    public static final ServiceSpec ATTENDEES = new ServiceSpec("attendees-service", 8081, "attendees");
    public static final ServiceSpec CONTENT = new ServiceSpec("content-service", 8082, "content");
    public static final ServiceSpec FEED = new ServiceSpec("feed-service", 8080, "feed");

    public static final List<ServiceSpec> ALL = List.of(ATTENDEES, CONTENT, FEED);
}
