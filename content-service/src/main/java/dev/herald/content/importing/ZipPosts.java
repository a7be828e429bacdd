package dev.herald.content.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.content.document.FileNames;
import dev.herald.problem.ProblemException;

/**
 * Reads post folders ({@code <slug>/index.md} or {@code <slug>/index.mdx} and the images beside it, at any depth)
 * from a zip as it arrives, spooling each entry to a temporary directory so that memory holds one post at a time.
 * Every bound of {@link ImportConfig} is checked while reading; an entry that is not imported is listed with the
 * reason.
 */
@ApplicationScoped
public class ZipPosts {

    private static final Set<String> DOCUMENTS = Set.of("index.md", "index.mdx");
    /** Below this, a small text file that compresses very well is not taken for a bomb. */
    private static final long RATIO_GRACE_BYTES = 1 << 20;

    private final ImportConfig config;

    public ZipPosts(ImportConfig config) {
        this.config = config;
    }

    /** The posts of an archive on disk; closing it deletes the spooled files. */
    public static final class Archive implements AutoCloseable {

        private final Path directory;
        private final List<ArchivedPost> posts;
        private final List<SkippedEntry> skipped;

        private Archive(Path directory, List<ArchivedPost> posts, List<SkippedEntry> skipped) {
            this.directory = directory;
            this.posts = posts;
            this.skipped = skipped;
        }

        List<ArchivedPost> posts() {
            return posts;
        }

        public List<SkippedEntry> skipped() {
            return skipped;
        }

        @Override
        public void close() {
            delete(directory);
        }
    }

    public Archive read(InputStream body) {
        Path directory = createDirectory();
        try {
            return read(new LimitedInputStream(body, config.maxRequestBytes(), "the request body",
                    "herald.import.max-request-bytes"), directory);
        } catch (RuntimeException e) {
            delete(directory);
            throw e;
        }
    }

    private Archive read(LimitedInputStream counted, Path directory) {
        Map<String, Map<String, Path>> folders = new TreeMap<>();
        Map<String, List<String>> duplicates = new LinkedHashMap<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(counted, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > config.maxEntries()) {
                    throw ProblemException.tooLarge("body", "the zip holds more than " + config.maxEntries()
                            + " entries (herald.import.max-entries)");
                }
                Path spooled = directory.resolve(Integer.toString(entries));
                expanded += spool(in, spooled, expanded, counted);
                String name = entry.getName();
                if (entry.isDirectory()) {
                    Files.delete(spooled);
                    continue;
                }
                String skip = skipReason(name, spooled);
                if (skip != null) {
                    skipped.add(new SkippedEntry(FileNames.printable(name), skip));
                    Files.delete(spooled);
                    continue;
                }
                int slash = name.lastIndexOf('/');
                String folder = name.substring(0, slash);
                String file = name.substring(slash + 1);
                Path previous = folders.computeIfAbsent(folder, key -> new LinkedHashMap<>()).putIfAbsent(file, spooled);
                if (previous != null) {
                    duplicates.computeIfAbsent(folder, key -> new ArrayList<>()).add(file);
                    Files.delete(spooled);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // ZipInputStream reports a malformed entry name as IllegalArgumentException
            throw ProblemException.invalid("body", "is not a readable zip file: " + e.getMessage());
        }
        List<ArchivedPost> posts = posts(folders, duplicates, skipped);
        if (posts.isEmpty() && skipped.isEmpty()) {
            throw ProblemException.invalid("body", "the zip holds no <slug>/index.md or <slug>/index.mdx");
        }
        return new Archive(directory, posts, skipped);
    }

    /** Copies one entry to disk, counting it against the entry, archive and expansion-ratio bounds. */
    private long spool(ZipInputStream in, Path target, long expandedBefore, LimitedInputStream counted) throws IOException {
        long size = 0;
        byte[] buffer = new byte[16384];
        try (OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                size += read;
                long expanded = expandedBefore + size;
                if (size > config.maxEntryBytes()) {
                    throw ProblemException.tooLarge("body", "a zip entry expands to more than " + config.maxEntryBytes()
                            + " bytes (herald.import.max-entry-bytes)");
                }
                if (expanded > config.maxExpandedBytes()) {
                    throw ProblemException.tooLarge("body", "the zip expands to more than " + config.maxExpandedBytes()
                            + " bytes (herald.import.max-expanded-bytes)");
                }
                if (expanded > RATIO_GRACE_BYTES && expanded > config.maxExpansionRatio() * Math.max(1, counted.count())) {
                    throw ProblemException.tooLarge("body", "the zip expands to more than " + config.maxExpansionRatio()
                            + " times its size (herald.import.max-expansion-ratio)");
                }
                out.write(buffer, 0, read);
            }
        }
        return size;
    }

    /** Why an entry is not part of any post, or null when it may be. */
    private String skipReason(String name, Path spooled) throws IOException {
        if (name.startsWith("/") || name.contains("\\") || name.matches("(?s)^[A-Za-z]:.*")
                || Stream.of(name.split("/", -1)).anyMatch(segment -> segment.equals("..") || segment.equals("."))) {
            return "its path is absolute or leaves its folder";
        }
        if (name.startsWith("__MACOSX/") || Stream.of(name.split("/")).anyMatch(segment -> segment.startsWith("."))) {
            return "hidden or system metadata";
        }
        if (name.indexOf('/') < 0) {
            return "not inside a post folder <slug>/";
        }
        String file = name.substring(name.lastIndexOf('/') + 1);
        if (isArchive(file, spooled)) {
            return "nested archives are not imported";
        }
        return FileNames.problem(file, config.maxFileNameChars()).map(problem -> "it " + problem).orElse(null);
    }

    private static boolean isArchive(String file, Path spooled) throws IOException {
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".zip") || lower.endsWith(".jar") || lower.endsWith(".tar") || lower.endsWith(".gz")
                || lower.endsWith(".tgz") || lower.endsWith(".7z") || lower.endsWith(".rar")) {
            return true;
        }
        try (InputStream head = Files.newInputStream(spooled)) {
            byte[] magic = head.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        }
    }

    /** One post per folder holding a document; the files of a folder without one are listed as skipped. */
    private static List<ArchivedPost> posts(Map<String, Map<String, Path>> folders, Map<String, List<String>> duplicates,
            List<SkippedEntry> skipped) {
        List<ArchivedPost> posts = new ArrayList<>();
        Set<String> slugs = new HashSet<>();
        folders.forEach((folder, files) -> {
            List<String> documents = files.keySet().stream().filter(DOCUMENTS::contains).sorted().toList();
            if (documents.isEmpty()) {
                files.keySet().forEach(file -> skipped.add(new SkippedEntry(FileNames.printable(folder + "/" + file),
                        "its folder has no index.md or index.mdx")));
                return;
            }
            String slug = folder.substring(folder.lastIndexOf('/') + 1);
            String documentName = documents.get(0);
            Map<String, Path> images = new LinkedHashMap<>(files);
            Path document = images.remove(documentName);
            ProblemException problem = null;
            if (documents.size() > 1) {
                problem = ProblemException.invalid("index.mdx", "the folder holds both index.md and index.mdx");
            } else if (duplicates.containsKey(folder)) {
                String file = duplicates.get(folder).get(0);
                problem = ProblemException.invalid(DOCUMENTS.contains(file) ? file : "files." + FileNames.printable(file),
                        "the zip holds '" + FileNames.printable(folder + "/" + file) + "' more than once");
            } else if (!slugs.add(slug)) {
                problem = ProblemException.conflict("slug", "another folder of the zip has the slug '" + FileNames.printable(slug) + "'");
            }
            posts.add(new ArchivedPost(slug, documentName, document, images, problem));
        });
        return posts;
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("herald-import-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
