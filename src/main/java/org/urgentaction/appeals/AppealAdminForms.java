package org.urgentaction.appeals;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/** The small forms on an appeal's staff page. Each carries the appeal version the page showed. */
final class AppealAdminForms {

    private AppealAdminForms() {}

    record UpdateForm(
            Long version,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate happenedOn,

            @NotBlank @Size(max = 300) String headline,
            @Size(max = 10_000) String body) {}

    record CloseForm(
            Long version,
            @NotNull Outcome outcome,
            @Size(max = 5_000) String note) {}

    record AttachForm(
            Long version, @NotNull Long targetId, @NotNull TargetRole role) {}

    /** A link (url) or an uploaded PDF (file). */
    record ResourceForm(
            Long version,
            @NotBlank @Size(max = 300) String label,
            @Size(max = 2_000) String url,
            MultipartFile file) {

        boolean hasFile() {
            return file != null && !file.isEmpty();
        }
    }
}
