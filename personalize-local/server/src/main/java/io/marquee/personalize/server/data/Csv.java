package io.marquee.personalize.server.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV, as Personalize reads its dataset files: quoted fields may hold commas, quotes
 * ({@code ""}) and line breaks. Each record knows the line it started on, for error messages.
 */
public final class Csv {

    /** One record and the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {
    }

    private final Reader in;
    private int line = 1;
    private int pushedBack = -2;

    public Csv(Reader in) {
        this.in = in;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    /** The next record, or null at the end of the input. Blank lines are skipped. */
    public Row next() throws IOException {
        while (true) {
            int start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean any = false;
            int c;
            while (true) {
                c = read();
                if (c == -1) {
                    if (quoted) {
                        throw new IOException("line " + start + ": a quoted field is not closed");
                    }
                    break;
                }
                any = true;
                if (quoted) {
                    if (c == '"') {
                        int n = read();
                        if (n == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            pushedBack = n;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r') {
                    // part of \r\n; a lone \r is dropped too
                } else if (c == '\n') {
                    line++;
                    break;
                } else {
                    field.append((char) c);
                }
            }
            if (!any) {
                return null;
            }
            fields.add(field.toString());
            if (fields.size() == 1 && fields.get(0).isBlank()) {
                if (c == -1) {
                    return null;
                }
                continue;
            }
            return new Row(start, fields);
        }
    }
}
