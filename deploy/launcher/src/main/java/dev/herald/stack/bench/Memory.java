package dev.herald.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory now and at its peak, from Linux's {@code /proc/<pid>/status}, and how much of it is
 * mapped files (jars, an AOT cache: clean pages the kernel can drop and share) rather than the process's own memory.
 */
record Memory(long residentMb, long peakMb, long filesMb) {

    static Memory of(long pid) {
        try {
            long resident = 0;
            long peak = 0;
            long files = 0;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    resident = kilobytes(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) / 1024;
                } else if (line.startsWith("RssFile:")) {
                    files = kilobytes(line) / 1024;
                }
            }
            return new Memory(resident, peak, files);
        } catch (IOException e) {
            throw new UncheckedIOException("process " + pid + " is gone", e);
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
