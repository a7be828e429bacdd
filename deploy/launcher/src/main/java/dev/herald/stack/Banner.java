package dev.herald.stack;

import java.time.Duration;
import java.util.Locale;

/** What {@code ./herald up} prints once everything is ready: where things are and how to call the write APIs. */
final class Banner {

    private Banner() {
    }

    static String render(LocalStack stack, Duration startup, Duration tokenLifetime) {
        StackConfig config = stack.config();
        String site = config.baseUrl(ServiceSpec.FEED);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nHerald is ready (%.1f s).%n%n", startup.toMillis() / 1000.0));
        out.append("  Site        ").append(site).append("/\n");
        out.append("  Feeds       ").append(site).append("/feeds/rss.xml  ").append(site).append("/feeds/atom.xml  ")
                .append(site).append("/feeds/feed.json\n\n");
        for (ServiceSpec service : ServiceSpec.ALL) {
            String base = config.baseUrl(service);
            String management = config.managementUrl(service);
            if (config.services().contains(service)) {
                out.append(String.format(Locale.ROOT, "  %-18s %s   Swagger UI %s/q/swagger-ui   health %s/q/health%n",
                        service.name(), base, management, management));
            } else {
                out.append(String.format(Locale.ROOT, "  %-18s not started: run ./mvnw -f %s quarkus:dev%n",
                        service.name(), service.name()));
            }
        }
        config.services().stream().findFirst().map(stack::jvmDescription).ifPresent(jvm -> out.append("\n  JVM         ")
                .append(jvm).append(jvm.contains("training") ? " (written when Herald stops: later starts are faster)" : "")
                .append('\n'));
        out.append(String.format(Locale.ROOT, "%n  Kafka       localhost:%d%n", config.kafkaPort()));
        out.append(String.format(Locale.ROOT,
                "  PostgreSQL  localhost:%d  (databases attendees, content, feed; each user's password is its name)%n",
                config.postgresPort()));
        out.append(String.format(Locale.ROOT, "%nBearer tokens for the write APIs (valid %d days; `./herald token <role>` makes more):%n",
                tokenLifetime.toDays()));
        out.append("  export EDITOR_TOKEN=").append(stack.token("editor", tokenLifetime)).append('\n');
        out.append("  export ADMIN_TOKEN=").append(stack.token("admin", tokenLifetime)).append('\n');
        out.append("\nData and logs: ").append(config.dataDirectory()).append("   Ctrl-C stops everything.\n");
        return out.toString();
    }
}
