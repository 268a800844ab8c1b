package org.urgentaction.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import static org.urgentaction.web.Text.blankToNull;

/** The organisation settings as an administrator edits them. */
record OrganisationForm(
        Long version,
        @Size(max = 200) String name,
        @Size(max = 200) String signatory,
        @Size(max = 1_000) String address,
        @NotNull PaperSize paperSize,
        @Size(max = TallyWording.MAX_LENGTH) String wordingEn,
        @Size(max = TallyWording.MAX_LENGTH) String wordingFr) {

    static OrganisationForm of(OrganisationSettings.Organisation organisation) {
        return new OrganisationForm(
                organisation.version(),
                organisation.name(),
                organisation.signatory(),
                organisation.address(),
                organisation.paperSize(),
                organisation.wordingEn(),
                organisation.wordingFr());
    }

    OrganisationSettings.Organisation toOrganisation() {
        return new OrganisationSettings.Organisation(
                blankToNull(name),
                blankToNull(signatory),
                blankToNull(address),
                paperSize,
                blankToNull(wordingEn),
                blankToNull(wordingFr),
                version == null ? -1 : version);
    }
}
