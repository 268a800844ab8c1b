package org.urgentaction.appeals;

import java.time.LocalDate;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import org.urgentaction.targets.PostalAddress;

/** Someone an appeal is about. Part of the appeal aggregate. */
@Entity
public class PersonAtRisk {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;

    /** In Latin script. */
    private String name;

    /** In the person's own script: 黄雪琴. */
    private String nativeName;

    /** Who they are: "#MeToo activist", "labour activist". */
    private String description;

    @Enumerated(EnumType.STRING)
    private Situation situation;

    private String situationDetail;

    private String detentionPlace;

    @Embedded
    @AttributeOverride(name = "lines", column = @Column(name = "detention_address_lines"))
    @AttributeOverride(name = "city", column = @Column(name = "detention_address_city"))
    @AttributeOverride(name = "region", column = @Column(name = "detention_address_region"))
    @AttributeOverride(name = "postcode", column = @Column(name = "detention_address_postcode"))
    @AttributeOverride(name = "country", column = @Column(name = "detention_address_country"))
    private PostalAddress detentionAddress;

    private LocalDate birthDate;

    private String healthConcerns;

    protected PersonAtRisk() {}

    public PersonAtRisk(String name, String nativeName, String description, Situation situation) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A person at risk needs a name");
        }
        this.name = name.strip();
        this.nativeName = nativeName;
        this.description = description;
        this.situation = situation == null ? Situation.AT_RISK : situation;
    }

    public PersonAtRisk situationDetail(String detail) {
        this.situationDetail = detail;
        return this;
    }

    public PersonAtRisk detainedAt(String place, PostalAddress address) {
        this.detentionPlace = place;
        this.detentionAddress = address;
        return this;
    }

    public PersonAtRisk bornOn(LocalDate birthDate) {
        this.birthDate = birthDate;
        return this;
    }

    public PersonAtRisk healthConcerns(String concerns) {
        this.healthConcerns = concerns;
        return this;
    }

    /** A copy for a follow-up appeal. */
    PersonAtRisk copy() {
        return new PersonAtRisk(name, nativeName, description, situation)
                .situationDetail(situationDetail)
                .detainedAt(detentionPlace, detentionAddress)
                .bornOn(birthDate)
                .healthConcerns(healthConcerns);
    }

    void placeAt(int position) {
        this.position = position;
    }

    /** A person can be written to where the appeal gives a postal address for them. */
    public boolean canReceiveMail() {
        return detentionAddress != null && !detentionAddress.isEmpty();
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public String getNativeName() {
        return nativeName;
    }

    public String getDescription() {
        return description;
    }

    public Situation getSituation() {
        return situation;
    }

    public String getSituationDetail() {
        return situationDetail;
    }

    public String getDetentionPlace() {
        return detentionPlace;
    }

    public PostalAddress getDetentionAddress() {
        return detentionAddress;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public String getHealthConcerns() {
        return healthConcerns;
    }
}
