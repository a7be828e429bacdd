package dev.herald.content.report;

import com.fasterxml.jackson.databind.annotation.EnumNaming;

import dev.herald.problem.LowerCaseEnumNaming;

/** The source format of a report body: CommonMark, or MDX (Markdown with import/export lines and JSX components). */
@EnumNaming(LowerCaseEnumNaming.class)
public enum ReportFormat {
    MARKDOWN("index.md"), MDX("index.mdx");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The document's name in a post folder. */
    public String fileName() {
        return fileName;
    }
}
