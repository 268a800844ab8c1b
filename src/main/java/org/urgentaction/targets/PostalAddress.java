package org.urgentaction.targets;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.springframework.modulith.NamedInterface;

import static org.urgentaction.web.Text.blankToNull;

/**
 * A postal address as its parts, so it can be printed the way its country prints it. Used for
 * targets, places of detention and event venues; the owning entity names the columns.
 */
@NamedInterface("api")
@Embeddable
public class PostalAddress {

    /** Street, building, district: one per line, as the sender should write them. */
    @Column(name = "address_lines")
    private String lines;

    @Column(name = "address_city")
    private String city;

    @Column(name = "address_region")
    private String region;

    @Column(name = "address_postcode")
    private String postcode;

    /** ISO 3166-1 alpha-2. */
    @Column(name = "address_country")
    private String country;

    protected PostalAddress() {}

    public PostalAddress(String lines, String city, String region, String postcode, String country) {
        this.lines = blankToNull(lines);
        this.city = blankToNull(city);
        this.region = blankToNull(region);
        this.postcode = blankToNull(postcode);
        this.country =
                country == null || country.isBlank() ? null : country.trim().toUpperCase();
    }

    public List<String> streetLines() {
        return lines == null
                ? List.of()
                : Arrays.stream(lines.split("\\R"))
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .toList();
    }

    public boolean isEmpty() {
        return lines == null && city == null && region == null && postcode == null && country == null;
    }

    public String getLines() {
        return lines;
    }

    public String getCity() {
        return city;
    }

    public String getRegion() {
        return region;
    }

    public String getPostcode() {
        return postcode;
    }

    public String getCountry() {
        return country;
    }
}
