package dev.herald.content.importing;

import java.nio.file.Path;
import java.util.Map;

import dev.herald.problem.ProblemException;

/**
 * A post folder of an uploaded zip, its files spooled to disk: the document's entry name ({@code index.md} or
 * {@code index.mdx}) and path, its other files by name, or the problem that refuses the whole post.
 */
record ArchivedPost(String slug, String documentName, Path document, Map<String, Path> files, ProblemException problem) {
}
