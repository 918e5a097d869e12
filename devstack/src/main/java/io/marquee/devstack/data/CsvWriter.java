package io.marquee.devstack.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import org.apache.commons.csv.CSVFormat;

/** The writing half of {@link CsvReader}, by Apache Commons CSV: RFC 4180 quoting, LF line ends. */
final class CsvWriter {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvWriter() {
    }

    /** {@code value} as a CSV field, quoted when it has to be. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return ""; // Commons CSV would quote an empty first field; alone, it needs nothing
        }
        StringBuilder out = new StringBuilder();
        try {
            FORMAT.print(value, out, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    static void row(Writer out, String... values) throws IOException {
        FORMAT.printRecord(out, (Object[]) values);
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
