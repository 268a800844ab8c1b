package org.urgentaction.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumbersTests {

    @Test
    void aNumberTypedAsDialledInItsCountryIsDialledFromAnywhereInE164() {
        assertThat(PhoneNumbers.e164("010 6238 1025", "CN")).isEqualTo("+861062381025");
        assertThat(PhoneNumbers.international("010 6238 1025", "cn")).isEqualTo("+86 10 6238 1025");
        assertThat(PhoneNumbers.e164("+41 22 917 9000", "GB")).isEqualTo("+41229179000");
        assertThat(PhoneNumbers.e164("(202) 495-2266", "US")).isEqualTo("+12024952266");
    }

    @Test
    void whatCannotBeReadGetsNoLinkAndIsShownAsTyped() {
        assertThat(PhoneNumbers.e164("ask the switchboard", "CN")).isNull();
        assertThat(PhoneNumbers.e164("12", "CN")).isNull();
        assertThat(PhoneNumbers.e164("010 6238 1025", null)).isNull();
        assertThat(PhoneNumbers.international("12", "CN")).isEqualTo("12");
        assertThat(PhoneNumbers.isValid("+86 10 6238 1025", null)).isTrue();
        assertThat(PhoneNumbers.isValid("+86 1", null)).isFalse();
    }
}
