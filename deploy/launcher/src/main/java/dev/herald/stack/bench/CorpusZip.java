package dev.herald.stack.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The report corpus (content-service's test copy) as the zip an editor uploads: {@code <slug>/index.md} and images. */
public final class CorpusZip {

    private CorpusZip() {
    }

    static byte[] of(Path posts) {
        try (Stream<Path> folders = Files.list(posts)) {
            return of(folders.filter(Files::isDirectory).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("corpus unreadable: " + posts, e);
        }
    }

    /** These post folders, each with every file in it. */
    public static byte[] of(List<Path> folders) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Path folder : folders) {
                for (Path file : files(folder)) {
                    zip.putNextEntry(new ZipEntry(folder.getFileName() + "/" + file.getFileName()));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("corpus unreadable: " + folders, e);
        }
        return bytes.toByteArray();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
