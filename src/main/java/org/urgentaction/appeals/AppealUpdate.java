package org.urgentaction.appeals;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.springframework.modulith.NamedInterface;

/** A dated entry in the case's timeline. */
@NamedInterface("api")
@Entity
public class AppealUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private LocalDate happenedOn;
    private String headline;
    private String body;

    protected AppealUpdate() {}

    public AppealUpdate(LocalDate happenedOn, String headline, String body) {
        if (happenedOn == null || headline == null || headline.isBlank()) {
            throw new IllegalArgumentException("An update needs a date and a headline");
        }
        this.happenedOn = happenedOn;
        this.headline = headline.strip();
        this.body = body;
    }

    public Long getId() {
        return id;
    }

    public LocalDate getHappenedOn() {
        return happenedOn;
    }

    public String getHeadline() {
        return headline;
    }

    public String getBody() {
        return body;
    }
}
