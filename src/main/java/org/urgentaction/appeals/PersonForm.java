package org.urgentaction.appeals;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.modulith.NamedInterface;

import org.urgentaction.targets.PostalAddress;

import static org.urgentaction.web.Text.blankToNull;

/** A person at risk as staff edit them. {@code version} is the appeal's. */
@NamedInterface("api")
public record PersonForm(
        Long version,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 200) String nativeName,
        @Size(max = 300) String description,
        @NotNull Situation situation,
        @Size(max = 2_000) String situationDetail,
        @Size(max = 300) String detentionPlace,
        @Size(max = 1_000) String addressLines,
        @Size(max = 200) String city,
        @Size(max = 200) String region,
        @Size(max = 20) String postcode,
        @Pattern(regexp = "([A-Za-z]{2})?") String addressCountry,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
        @Size(max = 2_000) String healthConcerns) {

    static PersonForm empty(long version) {
        return new PersonForm(version, "", "", "", Situation.DETAINED, "", "", "", "", "", "", "", null, "");
    }

    static PersonForm of(PersonAtRisk person, long version) {
        PostalAddress address = person.getDetentionAddress();
        return new PersonForm(
                version,
                person.getName(),
                person.getNativeName(),
                person.getDescription(),
                person.getSituation(),
                person.getSituationDetail(),
                person.getDetentionPlace(),
                address == null ? null : address.getLines(),
                address == null ? null : address.getCity(),
                address == null ? null : address.getRegion(),
                address == null ? null : address.getPostcode(),
                address == null ? null : address.getCountry(),
                person.getBirthDate(),
                person.getHealthConcerns());
    }

    /** The same person, for the appeal as it is now saved. */
    public PersonForm withVersion(long version) {
        return new PersonForm(
                version,
                name,
                nativeName,
                description,
                situation,
                situationDetail,
                detentionPlace,
                addressLines,
                city,
                region,
                postcode,
                addressCountry,
                birthDate,
                healthConcerns);
    }

    PersonAtRisk toPerson() {
        return new PersonAtRisk(name, blankToNull(nativeName), blankToNull(description), situation)
                .situationDetail(blankToNull(situationDetail))
                .detainedAt(
                        blankToNull(detentionPlace),
                        new PostalAddress(addressLines, city, region, postcode, addressCountry))
                .bornOn(birthDate)
                .healthConcerns(blankToNull(healthConcerns));
    }
}
