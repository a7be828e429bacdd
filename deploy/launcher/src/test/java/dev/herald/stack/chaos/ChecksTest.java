package dev.herald.stack.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The feed comparison the chaos run's verdict rests on: a loss, a duplicate and a leak are each reported. */
class ChecksTest {

    @Test
    void reportsAMissingADuplicatedAndAnUnpublishedEntry() {
        List<String> wrong = new ArrayList<>();
        Checks.compare("atom", Set.of("kept", "lost", "twice"), List.of(entry("kept"), entry("twice"), entry("twice"),
                entry("withdrawn")), wrong);

        assertEquals(Set.of("atom: missing lost", "atom: twice listed 2 times", "atom: withdrawn is not published"),
                Set.copyOf(wrong));
    }

    @Test
    void findsNothingWrongWithAnExactFeed() {
        List<String> wrong = new ArrayList<>();
        Checks.compare("rss", Set.of("a", "b"), List.of(entry("b"), entry("a")), wrong);

        assertEquals(List.of(), wrong);
    }

    private static FeedIds.Entry entry(String id) {
        return new FeedIds.Entry(id, "title of " + id);
    }
}
