package org.urgentaction.reporting;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * PostgreSQL's COPY ends CSV records with a line feed; RFC 4180 (and Excel) expect CR LF. This
 * turns each record's end into CR LF while leaving line breaks inside quoted fields as they are.
 * Works on UTF-8 bytes: a quote or a line feed never occurs inside a multi-byte character.
 */
final class CrlfLineEnds extends FilterOutputStream {

    private boolean inQuotes;

    CrlfLineEnds(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (b == '"') {
                inQuotes = !inQuotes; // a doubled quote inside a field toggles twice
            } else if (b == '\n' && !inQuotes) {
                out.write(bytes, start, i - start);
                out.write('\r');
                start = i; // the line feed goes out with the next run
            }
        }
        out.write(bytes, start, end - start);
    }
}
