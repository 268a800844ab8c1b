package org.urgentaction.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A one-page PDF standing in for a document the demo cannot ship, saying so in its text and title,
 * so nobody takes it for the original. Helvetica, one of the fonts every PDF reader has: the text
 * must be in Latin-1.
 */
final class PlaceholderPdf {

    private static final float MARGIN = 72;
    private static final float SIZE = 12;
    private static final float LEADING = 16;

    private PlaceholderPdf() {}

    static byte[] saying(String fileName, String text) {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument pdf = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle("Placeholder for " + fileName);
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            float width = page.getMediaBox().getWidth() - 2 * MARGIN;
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(font, SIZE);
                content.setLeading(LEADING);
                content.newLineAtOffset(MARGIN, page.getMediaBox().getHeight() - MARGIN);
                for (String line : wrap(text.strip(), font, width)) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDType1Font font, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String tried = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(tried) / 1000 * SIZE > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(tried);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
