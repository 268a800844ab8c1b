package org.urgentaction.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.urgentaction.appeals.AppealForm;
import org.urgentaction.appeals.PersonForm;
import org.urgentaction.letters.TemplateForm;

/**
 * One demo appeal as its file has it: the forms staff fill in for the appeal, its people and its
 * letters, its timeline, the keys in officials.yaml of whom it writes to and copies, in order,
 * stand-ins for the documents it offers, and its petition's goal and paper batches.
 */
record DemoFile(
        AppealForm appeal,
        List<PersonForm> people,
        List<Update> timeline,
        List<String> writeTo,
        List<String> copyTo,
        List<TemplateForm> letters,
        List<Document> documents,
        Petition petition) {

    DemoFile {
        Objects.requireNonNull(appeal, "appeal");
        people = Objects.requireNonNullElse(people, List.of());
        timeline = Objects.requireNonNullElse(timeline, List.of());
        writeTo = Objects.requireNonNullElse(writeTo, List.of());
        copyTo = Objects.requireNonNullElse(copyTo, List.of());
        letters = Objects.requireNonNullElse(letters, List.of());
        documents = Objects.requireNonNullElse(documents, List.of());
    }

    /**
     * A document the seed offers that the demo cannot ship: listed under its label and file name, as
     * a one-page PDF whose only text is {@code placeholder}, saying what the original is.
     */
    record Document(String label, String fileName, String placeholder) {}

    /** A dated entry of the case's timeline. */
    record Update(LocalDate happenedOn, String headline, String body) {}

    /** What staff enter for a petition besides its text (a letter of kind PETITION): goal and paper batches. */
    record Petition(Integer goal, List<PaperBatch> paperBatches) {

        Petition {
            paperBatches = Objects.requireNonNullElse(paperBatches, List.of());
        }
    }

    record PaperBatch(int signatures, String gathered) {}
}
