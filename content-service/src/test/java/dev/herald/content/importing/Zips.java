package dev.herald.content.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zips built entry by entry in the given order (duplicates and odd names included), and zips read back. */
final class Zips {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8);
    /** Names written twice: ZipOutputStream refuses them, so a stand-in of the same length is patched afterwards. */
    private final Map<String, String> standIns = new LinkedHashMap<>();
    private final java.util.Set<String> names = new java.util.HashSet<>();

    static Zips create() {
        return new Zips();
    }

    Zips add(String name, String text) {
        return add(name, text.getBytes(StandardCharsets.UTF_8));
    }

    Zips add(String name, byte[] content) {
        String written = name;
        for (char mark = 1; !names.add(written); mark++) {
            written = name.substring(0, name.length() - 1) + mark;
            standIns.put(written, name);
        }
        try {
            zip.putNextEntry(new ZipEntry(written));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    byte[] bytes() {
        try {
            zip.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] result = bytes.toByteArray();
        standIns.forEach((standIn, name) -> replace(result, standIn.getBytes(StandardCharsets.UTF_8),
                name.getBytes(StandardCharsets.UTF_8)));
        return result;
    }

    // the name appears in the entry's local header and in the central directory
    private static void replace(byte[] bytes, byte[] from, byte[] to) {
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
            }
        }
    }

    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
