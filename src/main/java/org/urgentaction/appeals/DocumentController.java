package org.urgentaction.appeals;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Uploaded documents of public appeals (the PDF of the original). Drafts' documents stay private. */
@Controller
class DocumentController {

    private final StoredFileRepository files;
    private final JdbcClient jdbc;

    DocumentController(StoredFileRepository files, JdbcClient jdbc) {
        this.files = files;
        this.jdbc = jdbc;
    }

    @GetMapping("/files/{id}/{name}")
    @Transactional(readOnly = true)
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable String name) {
        boolean onPublicAppeal = jdbc.sql("""
                        select exists (select 1 from appeal_resource r join appeal a on a.id = r.appeal_id
                                       where r.storage_key = ? and a.status <> 'DRAFT')
                        """)
                .param(String.valueOf(id)).query(Boolean.class).single();
        StoredFile file = files.findById(id).filter(f -> onPublicAppeal)
                .orElseThrow(() -> new AppealNotFoundException("file " + id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.getContentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.getFileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.getContent());
    }
}
