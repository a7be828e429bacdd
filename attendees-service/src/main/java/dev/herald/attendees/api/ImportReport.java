package dev.herald.attendees.api;

import java.util.List;

/** The outcome of a bulk import: totals and one line per input row, in input order. */
public record ImportReport(int created, int updated, int unchanged, int failed, List<ImportRow> rows) {

    public static ImportReport of(List<ImportRow> rows) {
        return new ImportReport(count(rows, ImportRow.Status.CREATED), count(rows, ImportRow.Status.UPDATED),
                count(rows, ImportRow.Status.UNCHANGED), count(rows, ImportRow.Status.FAILED), List.copyOf(rows));
    }

    private static int count(List<ImportRow> rows, ImportRow.Status status) {
        return (int) rows.stream().filter(row -> row.status() == status).count();
    }
}
