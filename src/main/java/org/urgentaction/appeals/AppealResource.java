package org.urgentaction.appeals;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.springframework.modulith.NamedInterface;

/** A link or an uploaded document (the PDF of the original appeal). */
@NamedInterface("api")
@Entity
public class AppealResource {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private int position;
    private String label;
    private String url;
    private String fileName;
    private String contentType;
    private Long sizeBytes;
    private String storageKey;

    protected AppealResource() {}

    public static AppealResource link(String label, String url) {
        if (label == null || label.isBlank() || url == null || url.isBlank()) {
            throw new IllegalArgumentException("A link needs a label and an address");
        }
        // Only web addresses: a javascript: or data: link on a public page would run in supporters' browsers.
        if (!url.strip().toLowerCase(java.util.Locale.ROOT).matches("https?://\\S+")) {
            throw new IllegalArgumentException("A link must be an http or https address");
        }
        AppealResource resource = new AppealResource();
        resource.label = label.strip();
        resource.url = url.strip();
        return resource;
    }

    /** An uploaded document, served at /files/{storageKey}/{fileName}. */
    static AppealResource document(String label, StoredFile file) {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("A document needs a label");
        }
        AppealResource resource = new AppealResource();
        resource.label = label.strip();
        resource.fileName = file.getFileName();
        resource.contentType = file.getContentType();
        resource.sizeBytes = file.getSizeBytes();
        resource.storageKey = String.valueOf(file.getId());
        return resource;
    }

    /** Where a supporter's browser finds it. */
    public String href() {
        return url != null
                ? url
                : "/files/" + storageKey + "/"
                        + org.springframework.web.util.UriUtils.encodePathSegment(
                                fileName, java.nio.charset.StandardCharsets.UTF_8);
    }

    void placeAt(int position) {
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getLabel() {
        return label;
    }

    public String getUrl() {
        return url;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public Long getSizeBytes() {
        return sizeBytes;
    }

    public String getStorageKey() {
        return storageKey;
    }
}
