package io.marquee.personalize.server.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<Csv.Row> rows(String text) throws IOException {
        Csv csv = new Csv(new StringReader(text));
        List<Csv.Row> rows = new ArrayList<>();
        for (Csv.Row r = csv.next(); r != null; r = csv.next()) {
            rows.add(r);
        }
        return rows;
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndRowsKnowTheLineTheyStartOn() throws IOException {
        List<Csv.Row> rows = rows("ITEM_ID,TITLE\r\ni1,\"Hello, \"\"World\"\"\"\n\ni2,\"two\nlines\"\ni3,plain\n");
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 4, 6);
        assertThat(rows.get(1).fields()).containsExactly("i1", "Hello, \"World\"");
        assertThat(rows.get(2).fields()).containsExactly("i2", "two\nlines");
        assertThat(rows.get(3).fields()).containsExactly("i3", "plain");
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereTheRecordStarted() {
        assertThatThrownBy(() -> rows("A,B\nx,y\nz,\"never closed\n"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("line 3: ");
    }
}
