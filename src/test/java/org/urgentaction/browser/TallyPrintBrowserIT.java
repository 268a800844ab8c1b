package org.urgentaction.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.print.PageMargin;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.MockMvc;

import org.urgentaction.IntegrationTest;
import org.urgentaction.TestFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The tally's print view, printed by Chromium: a short letter per official takes one sheet, on either paper. */
@IntegrationTest
@ExtendWith(BrowserExtension.class)
class TallyPrintBrowserIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @TempDir
    Path folder;

    /** Opened for each test by {@link BrowserExtension}. */
    ChromeDriver browser;

    @ParameterizedTest
    @CsvSource({"A4, paper-a4.css, 29.7, 21.0, 2.5, 2.0", "LETTER, paper-letter.css, 27.94, 21.59, 2.54, 2.032"})
    void eachShortLetterPrintsOnOneSheet(
            String paper, String stylesheet, double height, double width, double marginTopBottom, double marginSides)
            throws Exception {
        TestFixtures.Created appeal = fixtures.published("Print view " + paper, "CN", null);
        String html = mvc.perform(get("/admin/appeals/{id}/tally", appeal.id())
                        .param("paper", paper)
                        .with(user("org@example.org").roles("ORGANISER")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // The page as a file with its stylesheets in it: the browser needs no server and no login.
        String page = html.replace(
                        "<link rel=\"stylesheet\" href=\"/css/print.css\">", "<style>" + css("print.css") + "</style>")
                .replace(
                        "<link rel=\"stylesheet\" href=\"/css/" + stylesheet + "\">",
                        "<style>" + css(stylesheet) + "</style>");
        assertThat(page).doesNotContain("rel=\"stylesheet\"").contains("@page { size: ");
        Path file = folder.resolve("tally.html");
        Files.writeString(file, page);
        browser.get(file.toUri().toString());

        // Chromium prints on the sheet it is given, with the margins the stylesheet asks for.
        PrintOptions options = new PrintOptions();
        options.setPageSize(new PageSize(height, width));
        options.setPageMargin(new PageMargin(marginTopBottom, marginTopBottom, marginSides, marginSides));
        options.setBackground(false);
        byte[] pdf = Base64.getDecoder().decode(browser.print(options).getContent());

        try (PDDocument printed = Loader.loadPDF(pdf)) {
            assertThat(printed.getNumberOfPages()).as("one sheet per official").isEqualTo(2);
            String text = new PDFTextStripper().getText(printed);
            assertThat(text)
                    .contains(
                            "Official " + appeal.reference(),
                            "Ambassador " + appeal.reference(),
                            "release the person",
                            "Yours faithfully,");
        }
    }

    private static String css(String name) throws Exception {
        return new ClassPathResource("static/css/" + name).getContentAsString(StandardCharsets.UTF_8);
    }
}
