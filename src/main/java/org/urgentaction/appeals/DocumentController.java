package org.urgentaction.appeals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Uploaded documents of public appeals (the PDF of the original). Drafts' documents stay private.
 * A document is sent in slices read one query at a time, so memory per download is one slice and no
 * connection is held while the client reads; each download is paced to a rate (2 MiB/s) and only a
 * few run at once, so downloads cannot take the pages' CPU. A stored document never changes, so browsers and
 * proxies keep it for a day and then revalidate it by its ETag (a 304, which takes no download slot).
 */
@Controller
class DocumentController {

    /** 256 KiB: a 10 MB document is 40 short queries. */
    static final int SLICE_BYTES = 256 * 1024;

    /** A day: long enough for a proxy to take a spike, short enough that a withdrawn document leaves caches. */
    static final CacheControl CACHING = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

    private final JdbcClient jdbc;
    private final DownloadSlots slots;
    private final long bytesPerSecond;

    DocumentController(
            JdbcClient jdbc,
            DownloadSlots slots,
            @Value("${urgent-action.downloads.bytes-per-second:2097152}") long bytesPerSecond) {
        this.jdbc = jdbc;
        this.slots = slots;
        this.bytesPerSecond = bytesPerSecond;
    }

    private record Document(String fileName, String contentType, long sizeBytes, String sha256, Instant createdAt) {}

    @GetMapping("/files/{id}/{name}")
    void download(@PathVariable long id, ServletWebRequest request, HttpServletResponse response) throws IOException {
        Document document = publicDocument(id).orElseThrow(() -> new AppealNotFoundException("file " + id));
        if (request.checkNotModified(
                "\"" + document.sha256() + "\"", document.createdAt().toEpochMilli())) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHING.getHeaderValue());
            return;
        }
        if (!slots.tryTake()) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter()
                    .write("Many people are downloading documents just now. Please try again in a few seconds.\n");
            return;
        }
        try {
            response.setContentType(document.contentType());
            response.setContentLengthLong(document.sizeBytes());
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.inline()
                            .filename(document.fileName(), StandardCharsets.UTF_8)
                            .build()
                            .toString());
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CACHE_CONTROL, CACHING.getHeaderValue());
            if (!"HEAD".equals(request.getHttpMethod().name())) {
                send(id, document.sizeBytes(), response.getOutputStream());
            }
        } finally {
            slots.give();
        }
    }

    private Optional<Document> publicDocument(long id) {
        return jdbc.sql("""
                        select f.file_name, f.content_type, f.size_bytes, f.sha256, f.created_at
                        from stored_file f
                        where f.id = ? and exists (select 1 from appeal_resource r join appeal a on a.id = r.appeal_id
                                                   where r.storage_key = ? and a.status <> 'DRAFT')
                        """)
                .param(id)
                .param(String.valueOf(id))
                .query((rs, row) -> new Document(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    // Each slice is its own short query (the content is EXTERNAL, so PostgreSQL reads only that slice's
    // chunks); the document never changes, so slices read apart still make the one document. Paced:
    // unpaced, a few fast downloads took the CPU the pages needed.
    private void send(long id, long size, OutputStream out) throws IOException {
        long started = System.nanoTime();
        for (long offset = 0; offset < size; offset += SLICE_BYTES) {
            byte[] slice = jdbc.sql("select substring(content from ?::int for ?) from stored_file where id = ?")
                    .param(offset + 1)
                    .param(SLICE_BYTES)
                    .param(id)
                    .query(byte[].class)
                    .single();
            out.write(slice);
            out.flush();
            long due = started + (offset + slice.length) * 1_000_000_000L / bytesPerSecond;
            long wait = due - System.nanoTime();
            if (wait > 0 && offset + slice.length < size) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException shuttingDown) {
                    Thread.currentThread().interrupt();
                    throw new IOException("Interrupted while sending a document", shuttingDown);
                }
            }
        }
    }
}
