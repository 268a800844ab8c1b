package org.urgentaction.targets;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.modulith.NamedInterface;

import org.urgentaction.web.EmailAddress;

import static org.urgentaction.web.Text.blankToNull;

/** A directory entry as staff edit it. {@code version} is the one the form was loaded with. */
@NamedInterface("api")
public record TargetForm(
        Long version,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 300) String title,
        @Size(max = 300) String organisation,
        @Size(max = 200) String salutation,

        @Pattern(regexp = "([A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)?")
        String preferredLanguage,

        @Size(max = 1_000) String addressLines,
        @Size(max = 200) String city,
        @Size(max = 200) String region,
        @Size(max = 20) String postcode,
        @Pattern(regexp = "([A-Za-z]{2})?") String country,
        @Size(max = TargetForm.PRINTED_MAX_CHARS) String printedAddress,
        @EmailAddress String email,
        @Pattern(regexp = "[0-9+()./ -]{0,40}") String fax,
        @Pattern(regexp = "[0-9+()./ -]{0,40}") String phone,
        @Size(max = 200) String socialHandle,
        @Pattern(regexp = "([A-Za-z]{2})?") String accreditedCountry,
        @Size(max = 2_000) String notes,
        @Size(max = 64) String timeZone,
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime officeOpens,
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime officeCloses,
        Set<DayOfWeek> officeDays) {

    static final int PRINTED_MAX_LINES = 12;
    static final int PRINTED_MAX_LINE = 200;
    static final int PRINTED_MAX_CHARS = 2_000;

    public TargetForm {
        officeDays = officeDays == null ? Set.of() : Set.copyOf(officeDays);
    }

    public static TargetForm empty() {
        return new TargetForm(
                null, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", null, null, Set.of());
    }

    /** The printed block fits an envelope: a dozen lines at most, none longer than a long street. */
    @AssertTrue
    public boolean isPrintedAddressFitting() {
        List<String> lines = AddressFormat.printedLines(printedAddress);
        return lines.size() <= PRINTED_MAX_LINES && lines.stream().allMatch(l -> l.length() <= PRINTED_MAX_LINE);
    }

    /** Printed lines are free text: the country code still finds the official and picks the embassy to copy. */
    @AssertTrue
    public boolean isPrintedAddressCountried() {
        return AddressFormat.printedLines(printedAddress).isEmpty() || (country != null && !country.isBlank());
    }

    /** An IANA name the JDK knows ("Asia/Shanghai"), or none. */
    @AssertTrue
    public boolean isTimeZoneKnown() {
        return OfficeHours.isKnownZone(timeZone);
    }

    /** Hours need both ends, the opening first, and a time zone to be read in. */
    @AssertTrue
    public boolean isOfficeHoursComplete() {
        if (officeOpens == null && officeCloses == null) {
            return true;
        }
        return officeOpens != null
                && officeCloses != null
                && officeOpens.isBefore(officeCloses)
                && timeZone != null
                && !timeZone.isBlank();
    }

    public static TargetForm of(Target target) {
        PostalAddress address =
                target.getAddress() == null ? new PostalAddress(null, null, null, null, null) : target.getAddress();
        return new TargetForm(
                target.getVersion(),
                target.getName(),
                target.getTitle(),
                target.getOrganisation(),
                target.getSalutation(),
                target.getPreferredLanguage(),
                address.getLines(),
                address.getCity(),
                address.getRegion(),
                address.getPostcode(),
                address.getCountry(),
                target.getPrintedAddress(),
                target.getEmail(),
                target.getFax(),
                target.getPhone(),
                target.getSocialHandle(),
                target.getAccreditedCountry(),
                target.getNotes(),
                target.getOfficeHours().getTimeZone(),
                target.getOfficeHours().getOpens(),
                target.getOfficeHours().getCloses(),
                target.getOfficeHours().getDays());
    }

    public Target toTarget() {
        return applyTo(new Target(name, null, null, null));
    }

    public Target applyTo(Target target) {
        return target.revise(name, blankToNull(title), blankToNull(organisation), blankToNull(salutation))
                .withAddress(new PostalAddress(addressLines, city, region, postcode, country))
                .withPrintedAddress(printedAddress)
                .withContacts(blankToNull(email), blankToNull(fax), blankToNull(phone), blankToNull(socialHandle))
                .withPreferredLanguage(blankToNull(preferredLanguage))
                .accreditedIn(
                        blankToNull(accreditedCountry) == null
                                ? null
                                : accreditedCountry.strip().toUpperCase())
                .withNotes(blankToNull(notes))
                .withOfficeHours(new OfficeHours(timeZone, officeOpens, officeCloses, officeDays));
    }
}
