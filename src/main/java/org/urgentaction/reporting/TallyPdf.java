package org.urgentaction.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The tally letter as a PDF. Text is set in DejaVu Serif; any character it lacks (黄雪琴) falls
 * back to Droid Sans Fallback. Both fonts are embedded (subset), so the PDF shows the same
 * everywhere and its text can be searched and copied.
 */
@Component
class TallyPdf {

    private static final float MARGIN = 64;
    private static final float SIZE = 11;
    private static final float LEADING = 15;

    byte[] render(TallyLetter letter) {
        try (PDDocument document = new PDDocument()) {
            Fonts fonts = new Fonts(document);
            Page page = new Page(document, fonts);
            page.line(letter.date(), true);
            page.gap();
            for (String line : letter.addressBlock()) {
                page.line(line, false);
            }
            page.gap();
            page.wrapped("Re: " + letter.reference() + " \u2014 " + letter.title());
            if (!letter.people().isEmpty()) {
                page.wrapped(String.join(", ", letter.people()));
            }
            page.gap();
            for (String paragraph : letter.paragraphs()) {
                page.wrapped(paragraph);
                page.gap();
            }
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Picks, for each character, the first font that has it. */
    private static final class Fonts {

        private final List<PDFont> fonts = new ArrayList<>();
        private final Map<Integer, PDFont> chosen = new HashMap<>();

        Fonts(PDDocument document) throws IOException {
            for (String file : List.of("/fonts/DejaVuSerif.ttf", "/fonts/DroidSansFallbackFull.ttf")) {
                try (InputStream in = TallyPdf.class.getResourceAsStream(file)) {
                    fonts.add(PDType0Font.load(document, in, true));
                }
            }
        }

        PDFont fontFor(int codePoint) {
            return chosen.computeIfAbsent(codePoint, cp -> {
                String character = new String(Character.toChars(cp));
                for (PDFont font : fonts) {
                    try {
                        font.encode(character);
                        return font;
                    } catch (IllegalArgumentException | IOException missing) {
                        // not in this font: try the next
                    }
                }
                return null;
            });
        }

        /** The text split into runs that one font can show; characters no font has are dropped. */
        List<Map.Entry<PDFont, String>> runs(String text) {
            List<Map.Entry<PDFont, String>> runs = new ArrayList<>();
            PDFont current = null;
            StringBuilder run = new StringBuilder();
            for (int cp : text.codePoints().toArray()) {
                PDFont font = fontFor(cp);
                if (font == null) {
                    continue;
                }
                if (font != current && !run.isEmpty()) {
                    runs.add(Map.entry(current, run.toString()));
                    run.setLength(0);
                }
                current = font;
                run.appendCodePoint(cp);
            }
            if (!run.isEmpty()) {
                runs.add(Map.entry(current, run.toString()));
            }
            return runs;
        }

        float width(String text) throws IOException {
            float width = 0;
            for (Map.Entry<PDFont, String> run : runs(text)) {
                width += run.getKey().getStringWidth(run.getValue()) / 1000 * SIZE;
            }
            return width;
        }
    }

    /** Lines down an A4 page, starting a new page when one is full. */
    private static final class Page {

        private final PDDocument document;
        private final Fonts fonts;
        private PDPageContentStream content;
        private float y;

        Page(PDDocument document, Fonts fonts) throws IOException {
            this.document = document;
            this.fonts = fonts;
            newPage();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap() {
            y -= LEADING / 2;
        }

        void line(String text, boolean alignRight) throws IOException {
            if (y < MARGIN) {
                newPage();
            }
            float x = alignRight ? PDRectangle.A4.getWidth() - MARGIN - fonts.width(text) : MARGIN;
            content.beginText();
            content.newLineAtOffset(x, y);
            for (Map.Entry<PDFont, String> run : fonts.runs(text)) {
                content.setFont(run.getKey(), SIZE);
                content.showText(run.getValue());
            }
            content.endText();
            y -= LEADING;
        }

        /** Breaks at spaces, and anywhere in text without spaces (Chinese). */
        void wrapped(String paragraph) throws IOException {
            float available = PDRectangle.A4.getWidth() - 2 * MARGIN;
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split("(?<= )")) {
                String candidate = line + word;
                if (fonts.width(candidate.strip()) <= available) {
                    line.append(word);
                    continue;
                }
                if (!line.isEmpty()) {
                    line(line.toString().strip(), false);
                    line.setLength(0);
                }
                for (int cp : word.codePoints().toArray()) {
                    String next = line + new String(Character.toChars(cp));
                    if (fonts.width(next.strip()) > available) {
                        line(line.toString().strip(), false);
                        line.setLength(0);
                    }
                    line.appendCodePoint(cp);
                }
            }
            if (!line.toString().isBlank()) {
                line(line.toString().strip(), false);
            }
        }

        void close() throws IOException {
            content.close();
        }
    }
}
