package dev.herald.content.report;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A report written through the API; it is stored as a draft until published. */
public record ReportInput(
        @NotBlank @Size(max = 200) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be lower-case letters, digits and hyphens") String slug,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 2000) String description,
        @NotBlank @Size(max = 200) String authorName,
        @Size(max = 200) String authorSlug,
        List<@NotBlank @Size(max = 100) String> tags,
        Instant publishDate,
        Instant updatedDate,
        @Size(max = 1000) @Pattern(regexp = "/\\S*", message = "must be a path starting with /") String legacyUrl,
        @Size(max = 200) String event,
        @Size(max = 1000000) String body) {

    public ReportContent toContent(Instant now) {
        return new ReportContent(slug, title, description, authorName, authorSlug, tags == null ? List.of() : tags,
                publishDate, updatedDate == null ? now : updatedDate, legacyUrl, event, body == null ? "" : body, null);
    }
}
