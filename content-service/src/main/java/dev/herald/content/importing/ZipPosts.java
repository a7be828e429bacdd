package dev.herald.content.importing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.herald.problem.ProblemException;

/**
 * Reads post folders ({@code <slug>/index.md} and the images beside it, at any depth) from a zip, counting the
 * bytes it expands to so that a zip bomb stops early.
 */
@ApplicationScoped
public class ZipPosts {

    private static final String INDEX = "index.md";

    private final ImportConfig config;

    public ZipPosts(ImportConfig config) {
        this.config = config;
    }

    public List<PostFolder> read(byte[] zip) {
        Map<String, Map<String, byte[]>> folders = new TreeMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory() || entry.getName().contains("__MACOSX") || entry.getName().contains("..")) {
                    continue;
                }
                byte[] bytes = readLimited(in, config.maxUnzippedBytes() - total);
                total += bytes.length;
                String path = entry.getName().replace('\\', '/');
                int slash = path.lastIndexOf('/');
                String folder = slash < 0 ? "" : path.substring(0, slash);
                String name = path.substring(slash + 1);
                if (name.startsWith(".")) {
                    continue;
                }
                folders.computeIfAbsent(folder, key -> new LinkedHashMap<>()).put(name, bytes);
            }
        } catch (IOException e) {
            throw ProblemException.invalid("body", "is not a readable zip file: " + e.getMessage());
        }
        List<PostFolder> posts = new ArrayList<>();
        folders.forEach((folder, files) -> {
            byte[] index = files.remove(INDEX);
            if (index != null) {
                String slug = folder.substring(folder.lastIndexOf('/') + 1);
                posts.add(new PostFolder(slug, new String(index, StandardCharsets.UTF_8), files));
            }
        });
        if (posts.isEmpty()) {
            throw ProblemException.invalid("body", "the zip holds no <slug>/index.md");
        }
        return posts;
    }

    private static byte[] readLimited(InputStream in, long remaining) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) > 0) {
            if (out.size() + read > remaining) {
                throw ProblemException.tooLarge("body", "the zip expands to more bytes than allowed");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }
}
