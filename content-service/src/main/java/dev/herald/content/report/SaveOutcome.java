package dev.herald.content.report;

import java.util.List;

/** What saving a report did: created, updated (a new revision) or nothing; warnings do not stop a save. */
public record SaveOutcome(Report report, Change change, List<String> warnings) {

    public enum Change {
        CREATED, UPDATED, UNCHANGED
    }
}
