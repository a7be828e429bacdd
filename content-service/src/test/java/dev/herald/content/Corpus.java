package dev.herald.content;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The report corpus copied into the test resources, and zips of its post folders. */
public final class Corpus {

    private Corpus() {
    }

    public static Path posts() {
        try {
            return Path.of(Corpus.class.getResource("/corpus/posts").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> slugs() {
        try (Stream<Path> folders = Files.list(posts())) {
            return folders.filter(Files::isDirectory).map(folder -> folder.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String document(String slug) {
        try {
            return Files.readString(posts().resolve(slug).resolve("index.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String slug, String file) {
        try {
            return Files.readAllBytes(posts().resolve(slug).resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of the given post folders, laid out as in the corpus: {@code <slug>/index.md} and its images. */
    public static byte[] zip(List<String> slugs) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String slug : slugs) {
                try (Stream<Path> files = Files.list(posts().resolve(slug))) {
                    for (Path file : files.sorted().toList()) {
                        zip.putNextEntry(new ZipEntry(slug + "/" + file.getFileName()));
                        zip.write(Files.readAllBytes(file));
                        zip.closeEntry();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
