package org.urgentaction.reporting;

import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** Lines down a page, starting a new page when one is full. */
final class TallyPage {

    private static final float SIZE = 11;
    private static final float LEADING = 15;
    private static final FontRenderContext SHAPING = new FontRenderContext(null, false, true);

    private final PDDocument document;
    private final TallyFonts.Embedded fonts;
    private final PDRectangle size;
    private final ULocale language;
    private final Map<Integer, Map<Integer, String>> drawn = new HashMap<>();
    private GlyphStream content;
    private float y;

    TallyPage(PDDocument document, TallyFonts.Embedded fonts, PDRectangle size, String language) throws IOException {
        this.document = document;
        this.fonts = fonts;
        this.size = size;
        this.language = new ULocale(language);
        newPage();
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(size);
        document.addPage(page);
        content = new GlyphStream(document, page);
        y = size.getHeight() - TallyPdf.MARGIN;
    }

    private float available() {
        return size.getWidth() - 2 * TallyPdf.MARGIN;
    }

    void gap() {
        y -= LEADING / 2;
    }

    /** One line of logical text. */
    void line(String text, boolean alignRight) throws IOException {
        if (y < TallyPdf.MARGIN) {
            newPage();
        }
        Shaped shaped = shape(text);
        float x = alignRight ? size.getWidth() - TallyPdf.MARGIN - shaped.width() : TallyPdf.MARGIN;
        content.beginText();
        int face = -1;
        for (Glyph glyph : shaped.glyphs()) {
            PDType0Font font = fonts.font(glyph.face());
            if (glyph.face() != face) {
                content.setFont(font, SIZE);
                face = glyph.face();
            }
            if (glyph.actualText() != null) {
                content.beginActualText(glyph.actualText());
            }
            content.showGlyph(x + glyph.x(), y + glyph.y(), font.encodeGlyphId(glyph.id()));
            if (glyph.lastOfRun()) {
                content.endMarkedContent();
            }
            drawn.computeIfAbsent(glyph.face(), f -> new HashMap<>()).putIfAbsent(glyph.id(), glyph.text());
        }
        content.endText();
        y -= LEADING;
    }

    /** Breaks where ICU allows; a word wider than the line (a long name) breaks between its characters. */
    void wrapped(String paragraph) throws IOException {
        String text = paragraph.strip();
        if (text.isEmpty()) {
            return;
        }
        BreakIterator breaks = BreakIterator.getLineInstance(language);
        breaks.setText(text);
        int lineStart = 0;
        int fits = -1;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            if (fitsOnALine(text.substring(lineStart, end))) {
                fits = end;
                continue;
            }
            if (fits > lineStart) {
                line(text.substring(lineStart, fits).strip(), false);
                lineStart = fits;
            }
            // The piece that did not fit starts the next line; it may itself be too long.
            while (!fitsOnALine(text.substring(lineStart, end))) {
                int cut = longestFittingPrefix(text, lineStart, end);
                line(text.substring(lineStart, cut).strip(), false);
                lineStart = cut;
            }
            fits = end;
        }
        if (lineStart < text.length()) {
            line(text.substring(lineStart).strip(), false);
        }
    }

    private boolean fitsOnALine(String text) {
        return shape(text.strip()).width() <= available();
    }

    /** Up to the last whole character (grapheme cluster) that fits; at least one. */
    private int longestFittingPrefix(String text, int start, int end) {
        BreakIterator characters = BreakIterator.getCharacterInstance(language);
        characters.setText(text);
        int cut = characters.following(start);
        for (int next = characters.next(); next != BreakIterator.DONE && next <= end; next = characters.next()) {
            if (!fitsOnALine(text.substring(start, next))) {
                break;
            }
            cut = next;
        }
        return cut;
    }

    /** The line in display order (ICU's bidi runs), each run in its fonts' glyphs (the JDK's shaper). */
    private Shaped shape(String logical) {
        char[] chars = logical.toCharArray();
        // The letter is in English or French: every line is left to right, with right-to-left runs in it.
        Bidi bidi = new Bidi(logical, Bidi.LTR);
        List<Glyph> glyphs = new ArrayList<>();
        float pen = 0;
        for (int v = 0; v < bidi.countRuns(); v++) {
            BidiRun run = bidi.getVisualRun(v);
            List<int[]> pieces = faceRuns(logical, run.getStart(), run.getLimit());
            if (run.isOddRun()) {
                Collections.reverse(pieces);
            }
            for (int[] piece : pieces) {
                pen += place(logical, chars, piece, run.isOddRun(), pen, glyphs);
            }
        }
        return new Shaped(glyphs, pen);
    }

    /**
     * Shapes one piece {face, start, limit} of a run, adds its glyphs at the pen, and returns how
     * far the pen moves.
     */
    private float place(String logical, char[] chars, int[] piece, boolean rightToLeft, float pen, List<Glyph> glyphs) {
        GlyphVector vector = fonts.shaper(piece[0])
                .layoutGlyphVector(
                        SHAPING,
                        chars,
                        piece[1],
                        piece[2],
                        rightToLeft ? java.awt.Font.LAYOUT_RIGHT_TO_LEFT : java.awt.Font.LAYOUT_LEFT_TO_RIGHT);
        String written = logical.substring(piece[1], piece[2]);
        String[] texts = GlyphTexts.of(fonts, vector, written, piece[0]);
        // Indic vowel signs and reph are drawn away from where they are written: readers
        // that know ActualText (Acrobat, poppler) copy such a run as written.
        boolean indic = written.codePoints().anyMatch(cp -> cp >= 0x0900 && cp <= 0x0DFF);
        int first = glyphs.size();
        for (int i = 0; i < vector.getNumGlyphs(); i++) {
            int id = vector.getGlyphCode(i);
            if (id >= 0xFFFE) {
                continue; // the shaper's invisible glyph (a joiner, a direction mark)
            }
            Point2D at = vector.getGlyphPosition(i);
            glyphs.add(new Glyph(
                    piece[0],
                    id,
                    pen + (float) at.getX() * SIZE / 1000,
                    -(float) at.getY() * SIZE / 1000,
                    texts[i],
                    indic && glyphs.size() == first ? written : null,
                    false));
        }
        if (indic && glyphs.size() > first) {
            Glyph last = glyphs.removeLast();
            glyphs.add(new Glyph(last.face(), last.id(), last.x(), last.y(), last.text(), last.actualText(), true));
        }
        return (float) vector.getGlyphPosition(vector.getNumGlyphs()).getX() * SIZE / 1000;
    }

    /** Pieces {face, start, limit} of text in logical order; characters no font has are left out. */
    private List<int[]> faceRuns(String text, int start, int limit) {
        List<int[]> pieces = new ArrayList<>();
        int face = -1;
        int pieceStart = start;
        for (int i = start; i < limit; i += Character.charCount(text.codePointAt(i))) {
            int cp = text.codePointAt(i);
            // A combining mark or joiner stays with its letter's font when that font has it.
            boolean staysWithLetter = face >= 0
                    && fonts.has(face, cp)
                    && (Character.getType(cp) == Character.NON_SPACING_MARK
                            || Character.getType(cp) == Character.COMBINING_SPACING_MARK
                            || Character.getType(cp) == Character.FORMAT);
            int chosen = staysWithLetter ? face : fonts.faceOf(cp);
            if (chosen != face) {
                if (face >= 0 && i > pieceStart) {
                    pieces.add(new int[] {face, pieceStart, i});
                }
                face = chosen;
                pieceStart = i;
            }
        }
        if (face >= 0 && limit > pieceStart) {
            pieces.add(new int[] {face, pieceStart, limit});
        }
        return pieces;
    }

    /**
     * Embeds each font used as the subset of the glyphs drawn (PDFBox does so itself only for
     * fonts set through its own content stream).
     *
     * @return per font (by its name), the characters of each glyph drawn
     */
    Map<String, Map<Integer, String>> close() throws IOException {
        content.close();
        Map<String, Map<Integer, String>> byName = new HashMap<>();
        for (Map.Entry<Integer, Map<Integer, String>> face : drawn.entrySet()) {
            PDType0Font font = fonts.font(face.getKey());
            font.addGlyphsToSubset(face.getValue().keySet());
            font.subset();
            byName.put(TallyPdf.withoutSubsetTag(font.getName()), face.getValue());
        }
        return byName;
    }

    /**
     * A glyph placed on a line: x and y from the start of the line, and the characters it shows.
     * @param actualText on the first glyph of an Indic run: the run as written, else null
     */
    private record Glyph(int face, int id, float x, float y, String text, String actualText, boolean lastOfRun) {}

    private record Shaped(List<Glyph> glyphs, float width) {}
}
