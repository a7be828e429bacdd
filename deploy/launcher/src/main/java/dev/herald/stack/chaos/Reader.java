package dev.herald.stack.chaos;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.herald.stack.Pause;

/**
 * A reader and a feed reader of the public site, on both feed-service replicas in turn. A 5xx from a replica that was
 * up (not killed at that moment) is a failure of the run; while PostgreSQL is down, only for an address the replica had
 * answered since it started, as a replica can serve a page without its database only if it rendered it before.
 */
final class Reader implements Runnable {

    private static final List<String> PATHS = List.of("/feeds/atom.xml", "/feeds/rss.xml", "/feeds/feed.json", "/",
            "/feeds/atom.xml?page=2", "/tags", "/sitemap.xml");

    /** What a browser and a feed reader send as Accept. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String FEED_READER = "application/atom+xml, application/rss+xml, application/feed+json, */*;q=0.5";

    private final ChaosStack stack;
    private final Monkey monkey;
    private final Api api;
    private final Random random;
    private final AtomicBoolean stop;
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final List<String> serverErrors = new CopyOnWriteArrayList<>();
    private final Map<Part, Set<String>> served = new EnumMap<>(Map.of(Part.FEED_1, new HashSet<>(), Part.FEED_2, new HashSet<>()));

    Reader(ChaosStack stack, Monkey monkey, Api api, Random random, AtomicBoolean stop) {
        this.stack = stack;
        this.monkey = monkey;
        this.api = api;
        this.random = random;
        this.stop = stop;
    }

    @Override
    public void run() {
        while (!stop.get()) {
            for (Part replica : stack.feedReplicas()) {
                String path = PATHS.get(random.nextInt(PATHS.size()));
                boolean wasUp = !monkey.isDown(replica);
                if (!wasUp) {
                    served.get(replica).clear(); // a restarted replica has rendered nothing yet
                }
                try {
                    int status = api.read(stack.baseUrl(replica) + path, path.contains("/feeds/") ? FEED_READER : BROWSER).status();
                    reads.incrementAndGet();
                    boolean databaseDown = monkey.isDown(Part.POSTGRES);
                    if (status >= 500 && wasUp && !monkey.isDown(replica) && (!databaseDown || served.get(replica).contains(path))) {
                        serverErrors.add(status + " for " + path + " from " + replica.label() + " while down: " + monkey.down());
                    } else if (status / 100 == 2) {
                        served.get(replica).add(path);
                    }
                } catch (IOException e) {
                    served.get(replica).clear();
                    unanswered.incrementAndGet();
                }
            }
            Pause.of(Duration.ofMillis(50));
        }
    }

    int reads() {
        return reads.get();
    }

    int unanswered() {
        return unanswered.get();
    }

    /** Each 5xx a replica answered while it was up, with what was down at the time. */
    List<String> serverErrors() {
        return List.copyOf(serverErrors);
    }
}
