package dev.herald.feed.site;

/** Newer/older links of a paginated listing; null when there is no such page. */
public record Pager(String newer, String older) {

    public boolean any() {
        return newer != null || older != null;
    }
}
