package org.urgentaction.reporting;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The fonts of the tally PDF, tried in order for each character: Noto Serif (Latin, Greek,
 * Cyrillic), Noto Naskh Arabic (Arabic and Persian, with the presentation forms that shaping
 * produces), Noto Serif Devanagari, Droid Sans Fallback (Chinese, Japanese, Korean) and Hanazono
 * Mincho B (CJK Extension B and beyond, 𠀋). All TrueType: PDFBox can subset only TrueType outlines,
 * which rules out Noto CJK (CFF). See fonts/README.md.
 */
@Component
class TallyFonts {

    private static final List<String> FILES = List.of(
            "NotoSerif-Regular.ttf",
            "NotoNaskhArabic-Regular.ttf",
            "NotoSerifDevanagari-Regular.ttf",
            "DroidSansFallbackFull.ttf",
            "HanaMinB.ttf");

    // Read once, on the first tally: which characters each font has (the fonts stay on the classpath).
    private volatile List<BitSet> coverage;
    // The same fonts for the JDK's text shaper (HarfBuzz), which lays out the glyphs; immutable, shared.
    private final Map<Integer, Font> shapers = new java.util.concurrent.ConcurrentHashMap<>();

    /** The fonts of one PDF: each loaded (to be subset) only when a character needs it. */
    Embedded forDocument(PDDocument document) {
        return new Embedded(document, coverage(), this);
    }

    /** The font at 1000 units to the em, as the PDF measures glyphs. */
    Font shaper(int face) {
        return shapers.computeIfAbsent(face, f -> {
            try (InputStream in = open(FILES.get(f))) {
                return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(1000f);
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("Cannot read the font " + FILES.get(f), e);
            }
        });
    }

    private List<BitSet> coverage() {
        List<BitSet> known = coverage;
        if (known == null) {
            synchronized (this) {
                if (coverage == null) {
                    coverage = FILES.stream().map(TallyFonts::coverageOf).toList();
                }
                known = coverage;
            }
        }
        return known;
    }

    private static BitSet coverageOf(String file) {
        try (InputStream in = open(file);
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
            CmapLookup cmap = font.getUnicodeCmapLookup();
            BitSet has = new BitSet(Character.MAX_CODE_POINT + 1);
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                if (cmap.getGlyphId(cp) > 0) {
                    has.set(cp);
                }
            }
            return has;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the font " + file, e);
        }
    }

    private static InputStream open(String file) throws IOException {
        InputStream in = TallyFonts.class.getResourceAsStream("/fonts/" + file);
        if (in == null) {
            throw new IOException("missing from the classpath");
        }
        return in;
    }

    static final class Embedded {

        private final PDDocument document;
        private final List<BitSet> coverage;
        private final TallyFonts fonts;
        private final Map<Integer, PDType0Font> loaded = new HashMap<>();

        private Embedded(PDDocument document, List<BitSet> coverage, TallyFonts fonts) {
            this.document = document;
            this.coverage = coverage;
            this.fonts = fonts;
        }

        Font shaper(int face) {
            return fonts.shaper(face);
        }

        Map<Integer, PDType0Font> loaded() {
            return loaded;
        }

        /** The index of the first font with this character, or -1 if none has it. */
        int faceOf(int codePoint) {
            for (int i = 0; i < coverage.size(); i++) {
                if (coverage.get(i).get(codePoint)) {
                    return i;
                }
            }
            return -1;
        }

        /** The characters the font's own map gives for a glyph (none for a joined form or a conjunct). */
        List<Integer> charactersOf(int face, int glyph) {
            try {
                var cidFont = (org.apache.pdfbox.pdmodel.font.PDCIDFontType2)
                        font(face).getDescendantFont();
                List<Integer> codes =
                        cidFont.getTrueTypeFont().getUnicodeCmapLookup().getCharCodes(glyph);
                return codes == null ? List.of() : codes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean has(int face, int codePoint) {
            return coverage.get(face).get(codePoint);
        }

        PDType0Font font(int face) throws IOException {
            PDType0Font font = loaded.get(face);
            if (font == null) {
                try (InputStream in = open(FILES.get(face))) {
                    font = PDType0Font.load(document, in, true);
                }
                loaded.put(face, font);
            }
            return font;
        }
    }
}
