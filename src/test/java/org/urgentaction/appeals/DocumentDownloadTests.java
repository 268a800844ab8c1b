package org.urgentaction.appeals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DocumentDownloadTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AppealEditing editing;

    @Autowired
    AppealRepository appeals;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    DownloadSlots slots;

    /** A published appeal with an uploaded document of the given size; its URL. */
    private String document(int size, long seed) {
        TestFixtures.Created appeal = fixtures.published("Document " + seed, "CN", null);
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, content, 0, 9);
        editing.addDocument(
                appeal.id(), appeals.findById(appeal.id()).orElseThrow().getVersion(), "Original", "ua.pdf", content);
        return transaction.execute(status -> appeals.findById(appeal.id())
                .orElseThrow()
                .getResources()
                .getFirst()
                .href());
    }

    @Test
    void aDocumentLargerThanManySlicesArrivesWholeWithItsValidatorsAndCaching() throws Exception {
        int size = DocumentController.SLICE_BYTES * 5 + 12_345;
        String href = document(size, 1);
        byte[] expected = new byte[size];
        new Random(1).nextBytes(expected);
        System.arraycopy("%PDF-1.7\n".getBytes(), 0, expected, 0, 9);

        MockHttpServletResponse response = mvc.perform(get(java.net.URI.create(href)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().longValue("Content-Length", size))
                .andExpect(header().string("Cache-Control", "max-age=86400, public"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn()
                .getResponse();
        assertThat(response.getContentAsByteArray()).isEqualTo(expected);
        String etag = response.getHeader("ETag");
        assertThat(etag)
                .isEqualTo("\""
                        + java.util.HexFormat.of()
                                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(expected))
                        + "\"");
        assertThat(response.getHeader("Last-Modified")).isNotBlank();

        mvc.perform(head(java.net.URI.create(href)))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", etag));
    }

    @Test
    void aCopyStillCurrentIsConfirmedWithA304AndNoBody() throws Exception {
        String href = document(50_000, 2);
        MockHttpServletResponse first =
                mvc.perform(get(java.net.URI.create(href))).andReturn().getResponse();

        MockHttpServletResponse byEtag = mvc.perform(
                        get(java.net.URI.create(href)).header("If-None-Match", first.getHeader("ETag")))
                .andExpect(status().isNotModified())
                .andReturn()
                .getResponse();
        assertThat(byEtag.getContentAsByteArray()).isEmpty();
        mvc.perform(get(java.net.URI.create(href)).header("If-Modified-Since", first.getHeader("Last-Modified")))
                .andExpect(status().isNotModified());
        mvc.perform(get(java.net.URI.create(href)).header("If-None-Match", "\"something-else\""))
                .andExpect(status().isOk());
    }

    @Test
    void whenEveryDownloadSlotIsTakenADownloadIsRefusedAtOnceButRevalidationStillAnswers() throws Exception {
        String href = document(10_000, 3);
        String etag = mvc.perform(get(java.net.URI.create(href)))
                .andReturn()
                .getResponse()
                .getHeader("ETag");
        int taken = 0;
        while (slots.tryTake()) {
            taken++;
        }
        try {
            assertThat(taken).isPositive();
            long started = System.nanoTime();
            MockHttpServletResponse refused = mvc.perform(get(java.net.URI.create(href)))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andReturn()
                    .getResponse();
            assertThat(System.nanoTime() - started).isLessThan(1_000_000_000L);
            assertThat(refused.getContentAsString()).contains("try again in a few seconds");
            mvc.perform(get(java.net.URI.create(href)).header("If-None-Match", etag))
                    .andExpect(status().isNotModified());
        } finally {
            for (int i = 0; i < taken; i++) {
                slots.give();
            }
        }
        mvc.perform(get(java.net.URI.create(href))).andExpect(status().isOk());
    }
}
