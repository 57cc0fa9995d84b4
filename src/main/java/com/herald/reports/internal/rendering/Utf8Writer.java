package com.herald.reports.internal.rendering;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A buffered UTF-8 writer without locking, for one thread: {@link java.io.BufferedWriter} takes a lock on every call,
 * which cost CSV rendering about a third of its time. Does not close the stream it wraps.
 */
final class Utf8Writer extends Writer {

    private final OutputStream out;
    private final char[] buffer = new char[32 * 1024];
    private int count;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (count == buffer.length) {
            drain();
        }
        buffer[count++] = (char) c;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buffer.length) {
                drain();
            }
            int n = Math.min(len, buffer.length - count);
            System.arraycopy(chars, off, buffer, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        while (len > 0) {
            if (count == buffer.length) {
                drain();
            }
            int n = Math.min(len, buffer.length - count);
            s.getChars(off, off + n, buffer, count);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public Writer append(CharSequence csq) throws IOException {
        String s = String.valueOf(csq);
        write(s, 0, s.length());
        return this;
    }

    @Override
    public Writer append(CharSequence csq, int start, int end) throws IOException {
        if (csq instanceof String s) {
            write(s, start, end - start);
        } else {
            for (int i = start; i < end; i++) {
                write(csq.charAt(i));
            }
        }
        return this;
    }

    @Override
    public Writer append(char c) throws IOException {
        write(c);
        return this;
    }

    /** Encodes the buffer, keeping a trailing high surrogate for its low half. */
    private void drain() throws IOException {
        int n = count;
        if (n > 0 && Character.isHighSurrogate(buffer[n - 1])) {
            n--;
        }
        if (n == 0 && count > 0) {
            // a lone high surrogate fills nothing: write it as it is
            n = count;
        }
        out.write(new String(buffer, 0, n).getBytes(StandardCharsets.UTF_8));
        System.arraycopy(buffer, n, buffer, 0, count - n);
        count -= n;
    }

    @Override
    public void flush() throws IOException {
        // at a flush the text is complete: encode everything
        if (count > 0) {
            out.write(new String(buffer, 0, count).getBytes(StandardCharsets.UTF_8));
            count = 0;
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
