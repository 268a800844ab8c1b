package org.urgentaction.targets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import org.springframework.modulith.NamedInterface;

import org.urgentaction.audit.Versioned;

/**
 * An official or body that supporters write to. Targets recur across appeals, so they form a
 * directory that appeals link to.
 */
@NamedInterface("api")
@Entity
public class Target implements Versioned {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String title;
    private String organisation;
    private String salutation;
    private String preferredLanguage;

    @Embedded
    private PostalAddress address;

    /**
     * The whole address block as the issuing document prints it, one line each, or null. When set it
     * is printed as it is, in place of the block composed from name, title, organisation and address
     * (whose country still finds and routes the official).
     */
    private String printedAddress;

    private String email;
    private String fax;
    private String phone;
    private String socialHandle;

    /** For an embassy or mission: the country it is accredited in. */
    @Column(length = 2)
    private String accreditedCountry;

    private String notes;

    @Embedded
    private OfficeHours officeHours;

    /**
     * How many supporters who called said the number was wrong, since staff last changed it. Written
     * only by {@link WrongNumbers} in SQL, so a report neither conflicts with nor is lost to a staff edit.
     */
    @Column(insertable = false, updatable = false)
    private int wrongNumberReports;

    @Column(insertable = false, updatable = false)
    private Instant wrongNumberReportedAt;

    @Version
    private long version;

    private Instant createdAt = Instant.now();
    private Instant updatedAt = Instant.now();

    protected Target() {}

    public Target(String name, String title, String organisation, String salutation) {
        revise(name, title, organisation, salutation);
    }

    public Target revise(String name, String title, String organisation, String salutation) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A target needs a name");
        }
        this.name = name.strip();
        this.title = title;
        this.organisation = organisation;
        this.salutation = salutation;
        return this;
    }

    public Target withNotes(String notes) {
        this.notes = notes;
        return this;
    }

    public Target withAddress(PostalAddress address) {
        this.address = address;
        return this;
    }

    public Target withPrintedAddress(String printedAddress) {
        this.printedAddress = AddressFormat.printedLines(printedAddress).isEmpty() ? null : printedAddress.strip();
        return this;
    }

    public Target withContacts(String email, String fax, String phone, String socialHandle) {
        this.email = email;
        this.fax = fax;
        this.phone = phone;
        this.socialHandle = socialHandle;
        return this;
    }

    public Target withPreferredLanguage(String languageTag) {
        this.preferredLanguage = languageTag;
        return this;
    }

    public Target withOfficeHours(OfficeHours officeHours) {
        this.officeHours = officeHours;
        return this;
    }

    public Target accreditedIn(String countryCode) {
        this.accreditedCountry = countryCode;
        return this;
    }

    /**
     * The address block every letter, envelope, page and tally prints: the printed lines as the
     * document gives them, when staff kept them; else name, title and organisation, then the postal
     * address as its country prints it.
     */
    public List<String> addressBlock() {
        List<String> printed = AddressFormat.printedLines(printedAddress);
        if (!printed.isEmpty()) {
            return printed;
        }
        List<String> block = new ArrayList<>();
        block.add(name);
        if (title != null && !title.isBlank()) {
            block.add(title);
        }
        if (organisation != null && !organisation.isBlank()) {
            block.add(organisation);
        }
        block.addAll(AddressFormat.lines(address));
        return block;
    }

    public boolean isEmbassy() {
        return accreditedCountry != null;
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTitle() {
        return title;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getSalutation() {
        return salutation;
    }

    public String getPreferredLanguage() {
        return preferredLanguage;
    }

    public PostalAddress getAddress() {
        return address;
    }

    public String getPrintedAddress() {
        return printedAddress;
    }

    public String getEmail() {
        return email;
    }

    public String getFax() {
        return fax;
    }

    public String getPhone() {
        return phone;
    }

    public String getSocialHandle() {
        return socialHandle;
    }

    public String getAccreditedCountry() {
        return accreditedCountry;
    }

    public String getNotes() {
        return notes;
    }

    /** Never null: a target without hours has empty ones. */
    public OfficeHours getOfficeHours() {
        return officeHours == null ? new OfficeHours(null, null, null, null) : officeHours;
    }

    public int getWrongNumberReports() {
        return wrongNumberReports;
    }

    public Instant getWrongNumberReportedAt() {
        return wrongNumberReportedAt;
    }

    public long getVersion() {
        return version;
    }
}
