package dev.herald.content.importing;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.EnumNaming;

import dev.herald.problem.FieldError;
import dev.herald.problem.LowerCaseEnumNaming;
import dev.herald.content.report.ReportState;

/** The outcome for one report of an import; a failed report names its reason and stores nothing. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportResult(String slug, Status status, UUID id, Integer revision, ReportState state, String reason,
        List<FieldError> errors, List<String> warnings) {

    @EnumNaming(LowerCaseEnumNaming.class)
    public enum Status {
        CREATED, UPDATED, UNCHANGED, FAILED
    }
}
