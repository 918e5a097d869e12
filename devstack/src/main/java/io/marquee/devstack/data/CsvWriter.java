package io.marquee.devstack.data;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/** The writing half of {@link CsvReader}: RFC 4180 quoting, LF line ends. */
final class CsvWriter {

    private CsvWriter() {
    }

    /** {@code value} as a CSV field, quoted only when it has to be. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean mustQuote = false;
        for (int i = 0; i < value.length() && !mustQuote; i++) {
            char c = value.charAt(i);
            mustQuote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return mustQuote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    static void row(Writer out, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values[i]));
        }
        out.write('\n');
    }

    /** A number without exponent; whole numbers keep one decimal ("4.0") as MovieLens writes them. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value + ".0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
