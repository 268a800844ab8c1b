package org.urgentaction.web;

import java.time.LocalDate;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PartialDateTests {

    @Test
    void aDateIsReadAsFarAsItIsGivenAndWrittenBackTheSameWay() {
        assertThat(PartialDate.parse("2005-05-03"))
                .isEqualTo(new PartialDate(LocalDate.of(2005, 5, 3), PartialDate.Precision.DAY))
                .hasToString("2005-05-03");
        assertThat(PartialDate.parse(" 2014-12 "))
                .isEqualTo(new PartialDate(LocalDate.of(2014, 12, 1), PartialDate.Precision.MONTH))
                .hasToString("2014-12");
        assertThat(PartialDate.parse("2014"))
                .isEqualTo(new PartialDate(LocalDate.of(2014, 1, 1), PartialDate.Precision.YEAR))
                .hasToString("2014");
        assertThat(PartialDate.parse("  ")).isNull();
    }

    @Test
    void aMonthOrYearIsKeptAsItsFirstDaySoTwoWritingsOfOneMonthAreEqual() {
        assertThat(new PartialDate(LocalDate.of(2014, 12, 17), PartialDate.Precision.MONTH))
                .isEqualTo(PartialDate.parse("2014-12"));
        assertThat(PartialDate.of(LocalDate.of(2014, 12, 17), PartialDate.Precision.YEAR)
                        .date())
                .isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(PartialDate.of(LocalDate.of(2014, 12, 17), null)).hasToString("2014-12-17");
        assertThat(PartialDate.of(null, PartialDate.Precision.MONTH)).isNull();
    }

    @Test
    void itIsShownToThePrecisionKnownInTheVisitorsLanguage() {
        assertThat(PartialDate.parse("2014-12").format(Locale.ENGLISH)).isEqualTo("December 2014");
        assertThat(PartialDate.parse("2014-12").format(Locale.FRENCH)).isEqualTo("décembre 2014");
        assertThat(PartialDate.parse("2014").format(Locale.ENGLISH)).isEqualTo("2014");
        assertThat(PartialDate.parse("2005-05-03").format(Locale.ENGLISH)).isEqualTo("May 3, 2005");
        assertThat(PartialDate.parse("2005-05-03").format(Locale.UK)).isEqualTo("3 May 2005");
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"2014-13", "2014-02-30", "2014-00", "Dec 2014", "14-12", "2014/12", "20141"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> PartialDate.parse(bad));
        }
    }
}
