package org.urgentaction.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrlfLineEndsTests {

    private static String throughFilter(int chunk, String csv) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        try (CrlfLineEnds filter = new CrlfLineEnds(out)) {
            // COPY hands over one record at a time; any split must give the same bytes.
            for (int i = 0; i < bytes.length; i += chunk) {
                if (chunk == 1) {
                    filter.write(bytes[i]);
                } else {
                    filter.write(bytes, i, Math.min(chunk, bytes.length - i));
                }
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void recordsEndInCrlfAndLineBreaksInsideQuotedFieldsStay() throws IOException {
        String fromPostgres = "name,n\n\"two\nlines\",1\n\"say \"\"hi\"\"\",2\n黄雪琴,3\n\"a,b\",4\n";
        for (int chunk : new int[] {1, 3, 7, 1024}) {
            String csv = throughFilter(chunk, fromPostgres);

            assertThat(csv)
                    .as("chunk %d", chunk)
                    .isEqualTo("name,n\r\n\"two\nlines\",1\r\n\"say \"\"hi\"\"\",2\r\n黄雪琴,3\r\n\"a,b\",4\r\n");
            List<CSVRecord> rows = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .get()
                    .parse(new StringReader(csv))
                    .getRecords();
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("two\nlines", "say \"hi\"", "黄雪琴", "a,b");
        }
    }
}
