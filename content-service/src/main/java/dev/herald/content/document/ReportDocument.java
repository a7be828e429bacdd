package dev.herald.content.document;

/** A report in the corpus format: YAML front matter and the Markdown body exactly as written after it. */
public record ReportDocument(FrontMatter frontMatter, String body) {
}
