package dev.herald.content.importing;

import java.util.List;

/** The answer to a bulk import: one result per report, the counts, and every entry that was not imported. */
public record ImportSummary(int created, int updated, int unchanged, int failed, List<ImportResult> reports,
        List<SkippedEntry> skipped) {

    public static ImportSummary of(List<ImportResult> results, List<SkippedEntry> skipped) {
        return new ImportSummary(count(results, ImportResult.Status.CREATED), count(results, ImportResult.Status.UPDATED),
                count(results, ImportResult.Status.UNCHANGED), count(results, ImportResult.Status.FAILED), results,
                skipped);
    }

    private static int count(List<ImportResult> results, ImportResult.Status status) {
        return (int) results.stream().filter(result -> result.status() == status).count();
    }
}
