package dev.herald.content.report;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import dev.herald.problem.LowerCaseEnumNaming;

/** Where a report is in its life; only a published report is public. */
@EnumNaming(LowerCaseEnumNaming.class)
public enum ReportState {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED
}
