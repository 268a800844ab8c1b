package org.urgentaction.reporting;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

    private static final List<String> ADVERSARIAL = List.of("=1+1", "+1", "-1", "@A1", "\tTAB", "\rCR", "\r\n",
            "=HYPERLINK(\"http://evil.example\",\"x\")", "a,b", "say \"hi\"", "two\nlines", " padded ", "", "黄雪琴",
            "normal text", "'already quoted", "1,000", "x\u0000y");

    @Test
    void formulasBecomeTextAndEverythingElseRoundTripsExactly() throws Exception {
        StringWriter out = new StringWriter();
        for (String value : ADVERSARIAL) {
            Csv.row(out, value, 42L, null);
        }

        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(out.toString())).getRecords();

        List<String> firstColumn = new ArrayList<>();
        rows.forEach(row -> firstColumn.add(row.get(0)));
        assertThat(firstColumn).containsExactlyElementsOf(ADVERSARIAL.stream().map(Csv::neutralise).toList());
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.size()).isEqualTo(3);
            assertThat(row.get(1)).isEqualTo("42");
            assertThat(row.get(2)).isEmpty();
        });
        for (String cell : firstColumn) {
            if (!cell.isEmpty()) {
                assertThat(cell.charAt(0)).as(cell).isNotIn('=', '+', '-', '@', '\t', '\r');
            }
        }
    }

    @Test
    void rowsEndWithCrlfAndQuotesAreDoubled() throws Exception {
        StringWriter out = new StringWriter();
        Csv.row(out, "say \"hi\"", "plain");

        assertThat(out).hasToString("\"say \"\"hi\"\"\",plain\r\n");
    }
}
