package org.urgentaction.reporting;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TallyWordingTests {

    @Test
    void valuesGoInOnceAsTextAndParagraphsAreSeparatedByBlankLines() {
        assertThat(TallyWording.fill(
                        "Dear {official}: {count}.\r\n\r\n  In all {total}.\n\n\n{unknown} {count",
                        Map.of("official", "Ann {count} $1 \\", "count", "12 actions", "total", "340 actions")))
                .containsExactly("Dear Ann {count} $1 \\: 12 actions.", "In all 340 actions.", "{unknown} {count");
    }

    @Test
    void unknownPlaceholdersAreNamedAndLookalikesAreNot() {
        assertThat(TallyWording.unknownIn("{official} {Count} {count_} {cuont} {cuont} { count} {} {count"))
                .containsExactly("{Count}", "{count_}", "{cuont}");
        assertThat(TallyWording.unknownIn(null)).isEmpty();
        assertThat(TallyWording.unknownIn(String.join(
                        " ", TallyWording.KNOWN.stream().map(p -> "{" + p + "}").toList())))
                .isEmpty();
    }
}
