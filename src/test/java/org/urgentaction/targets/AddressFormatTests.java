package org.urgentaction.targets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressFormatTests {

    @Test
    void chineseAddressPrintsCityRegionAndPostcodeOnOneLineAsTheSeedDoes() {
        PostalAddress address = new PostalAddress("No. 200, Qiyi Road", "Guangzhou", "Guangdong Sheng", "510030", "CN");

        assertThat(AddressFormat.lines(address))
                .containsExactly(
                        "No. 200, Qiyi Road", "Guangzhou, Guangdong Sheng, 510030", "People's Republic of China");
    }

    @Test
    void usAddressPutsStateAndZipAfterTheCity() {
        PostalAddress address = new PostalAddress("3505 International Place, NW", "Washington", "DC", "20008", "us");

        assertThat(AddressFormat.lines(address))
                .containsExactly("3505 International Place, NW", "Washington, DC 20008", "United States of America");
    }

    @Test
    void swissAddressPutsThePostcodeBeforeTheLocality() {
        PostalAddress address =
                new PostalAddress("Chemin de Surville 11\nCase postale 85", "Petit-Lancy 2", "Genève", "1213", "CH");

        assertThat(AddressFormat.lines(address))
                .containsExactly("Chemin de Surville 11", "Case postale 85", "1213 Petit-Lancy 2", "Switzerland");
    }

    @Test
    void britishAddressPutsThePostcodeOnItsOwnLine() {
        PostalAddress address = new PostalAddress("49-59 Portland Place", "London", null, "W1B 1JL", "GB");

        assertThat(AddressFormat.lines(address))
                .containsExactly("49-59 Portland Place", "London", "W1B 1JL", "United Kingdom");
    }

    @Test
    void missingPartsLeaveNoStraySeparatorsOrBlankLines() {
        PostalAddress address = new PostalAddress("2 Fuyoujie\n\nXichengqu", "Beijingshi", null, "100017", "CN");

        assertThat(AddressFormat.lines(address))
                .containsExactly("2 Fuyoujie", "Xichengqu", "Beijingshi, 100017", "People's Republic of China");
    }

    @Test
    void unknownCountryUsesOneLinePerPartAndItsEnglishName() {
        PostalAddress address = new PostalAddress("Street 1", "Town", "Region", "12345", "UZ");

        assertThat(AddressFormat.lines(address)).containsExactly("Street 1", "Town", "Region", "12345", "Uzbekistan");
    }

    @Test
    void emptyOrMissingAddressGivesNoLines() {
        assertThat(AddressFormat.lines(null)).isEmpty();
        assertThat(AddressFormat.lines(new PostalAddress(" ", null, "", null, null)))
                .isEmpty();
    }

    @Test
    void targetAddressBlockStartsWithNameTitleAndOrganisation() {
        Target target = new Target(
                        "Zhang Rui",
                        "Director of Guangzhou Public Security Bureau",
                        "Guangzhou Public Security Bureau",
                        "Dear Director Zhang Rui")
                .withAddress(new PostalAddress("No. 200, Qiyi Road", "Guangzhou", "Guangdong Sheng", "510030", "CN"));

        assertThat(target.addressBlock())
                .containsExactly(
                        "Zhang Rui",
                        "Director of Guangzhou Public Security Bureau",
                        "Guangzhou Public Security Bureau",
                        "No. 200, Qiyi Road",
                        "Guangzhou, Guangdong Sheng, 510030",
                        "People's Republic of China");
    }

    @Test
    void printedLinesAreKeptAsTheDocumentPrintsThemAndReplaceTheComposedBlock() {
        Target minister = new Target("Zhang Fusen", "Minister of Justice", "Sifabu", "Your Excellency,")
                .withAddress(new PostalAddress("10 Chaoyangmen Nandajie", "Beijingshi", null, "100020", "CN"))
                .withPrintedAddress(" Zhang Fusen Buzhang \r\nSifabu\n\n10 Chaoyangmen Nandajie\nBeijingshi 100020\n");

        assertThat(minister.addressBlock())
                .containsExactly("Zhang Fusen Buzhang", "Sifabu", "10 Chaoyangmen Nandajie", "Beijingshi 100020");
        assertThat(minister.withPrintedAddress("  \n ").addressBlock())
                .as("blank lines are no printed address: the block is composed")
                .containsExactly(
                        "Zhang Fusen",
                        "Minister of Justice",
                        "Sifabu",
                        "10 Chaoyangmen Nandajie",
                        "Beijingshi, 100020",
                        "People's Republic of China");
        assertThat(minister.getPrintedAddress()).isNull();
    }
}
