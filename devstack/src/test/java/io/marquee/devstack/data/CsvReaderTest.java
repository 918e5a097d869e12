package io.marquee.devstack.data;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CsvReaderTest {

    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() throws IOException {
        List<CsvReader.CsvRecord> records = read("id,title\n1,\"Hello, \"\"World\"\"\"\n2,\"two\nlines\"\n3,plain\n");
        assertThat(records).extracting(CsvReader.CsvRecord::line, CsvReader.CsvRecord::fields).containsExactly(
                tuple(1L, List.of("id", "title")),
                tuple(2L, List.of("1", "Hello, \"World\"")),
                tuple(3L, List.of("2", "two\nlines")),
                tuple(5L, List.of("3", "plain")));
    }

    @Test
    void emptyFieldsCountAndEmptyLinesAreSkipped() throws IOException {
        List<CsvReader.CsvRecord> records = read("a,,b,\n\n\"\",x\n");
        assertThat(records).extracting(CsvReader.CsvRecord::line, CsvReader.CsvRecord::fields).containsExactly(
                tuple(1L, List.of("a", "", "b", "")),
                tuple(3L, List.of("", "x")));
    }

    @Test
    void handlesCrLfLineEndsAndAByteOrderMark() throws IOException {
        List<CsvReader.CsvRecord> records = read("\uFEFFa,b\r\n\"c\r\nd\",e\r\nf,g");
        assertThat(records).extracting(CsvReader.CsvRecord::line, CsvReader.CsvRecord::fields).containsExactly(
                tuple(1L, List.of("a", "b")),
                tuple(2L, List.of("c\nd", "e")),
                tuple(4L, List.of("f", "g")));
    }

    @Test
    void brokenQuotingIsReportedAndReadingResumesOnTheNextLine() throws IOException {
        List<CsvReader.CsvRecord> records = read("1,\"ok\"x,2\n2,fine\n3,\"ok\" y,z\n4,\"never closed\n5,x\n");
        assertThat(records).extracting(CsvReader.CsvRecord::line, CsvReader.CsvRecord::problem).containsExactly(
                tuple(1L, "unexpected character after closing quote"),
                tuple(2L, null),
                tuple(3L, "unexpected character after closing quote"),
                tuple(4L, "unterminated quoted field"));
        // The unterminated quote runs to the end of the input: line 5 is inside it.
        assertThat(records.get(1).fields()).containsExactly("2", "fine");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() throws IOException {
        assertThat(read("1,12\" Single,x\n2,y\n")).extracting(CsvReader.CsvRecord::line, CsvReader.CsvRecord::fields)
                .containsExactly(tuple(1L, List.of("1", "12\" Single", "x")), tuple(2L, List.of("2", "y")));
    }

    @Test
    void writerQuotesOnlyWhatNeedsQuotingAndReaderReadsItBack() throws IOException {
        String[] values = {"plain", "with, comma", "with \"quotes\"", "two\nlines", ""};
        StringBuilder line = new StringBuilder();
        for (String v : values) {
            line.append(line.isEmpty() ? "" : ",").append(CsvWriter.field(v));
        }
        assertThat(line.toString()).isEqualTo("plain,\"with, comma\",\"with \"\"quotes\"\"\",\"two\nlines\",");
        assertThat(read(line + "\n").get(0).fields()).containsExactly(values);
    }

    @Test
    void numbersAreWrittenWithoutExponent() {
        assertThat(CsvWriter.number(4.0)).isEqualTo("4.0");
        assertThat(CsvWriter.number(3.5)).isEqualTo("3.5");
        assertThat(CsvWriter.number(1e-7)).isEqualTo("0.0000001");
        assertThat(CsvWriter.number(1e20)).isEqualTo("100000000000000000000");
    }

    private static List<CsvReader.CsvRecord> read(String text) throws IOException {
        List<CsvReader.CsvRecord> records = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new StringReader(text))) {
            for (CsvReader.CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }
}
