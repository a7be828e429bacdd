package dev.herald.content.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import dev.herald.problem.ProblemException;

/** Counts the bytes read through it and fails with a 413 problem naming the limit as soon as they pass it. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String what;
    private final String setting;
    private long count;

    /** {@code what} is what is read ("the request body"), {@code setting} the configuration key of the limit. */
    LimitedInputStream(InputStream in, long limit, String what, String setting) {
        super(in);
        this.limit = limit;
        this.what = what;
        this.setting = setting;
    }

    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read > 0) {
            counted(read);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long bytes) {
        count += bytes;
        if (count > limit) {
            throw ProblemException.tooLarge("body", what + " is larger than " + limit + " bytes (" + setting + ")");
        }
    }
}
