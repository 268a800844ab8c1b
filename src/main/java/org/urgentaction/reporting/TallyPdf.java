package org.urgentaction.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.springframework.stereotype.Component;

/**
 * The tally letter as a PDF, in any script a name may be written in. PDFBox draws glyphs and does
 * no text layout, so ICU and the JDK do it: lines break where ICU's line breaker allows (between
 * words, and between Chinese characters); ICU's bidirectional algorithm orders each line (Arabic and
 * Persian runs right to left inside the letter's left-to-right lines); each character is set in the
 * first of {@link TallyFonts} that has it; and the JDK's OpenType shaper (HarfBuzz, in java.desktop)
 * turns each run into the font's glyphs: Arabic and Persian letters joined, Devanagari conjuncts and
 * vowel signs in place. The glyphs are drawn where the shaper put them, the fonts embedded as
 * subsets, and each glyph mapped back to the characters it shows (ToUnicode), so the text can be
 * searched and copied.
 */
@Component
class TallyPdf {

    static final float MARGIN = 64;

    private final TallyFonts fonts;

    TallyPdf(TallyFonts fonts) {
        this.fonts = fonts;
    }

    byte[] render(TallyLetter letter, PaperSize paper) {
        Map<String, Map<Integer, String>> toUnicode;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(letter.reference() + " \u2014 " + letter.title());
            TallyPage page = new TallyPage(document, fonts.forDocument(document), paper.page(), letter.language());
            page.line(letter.date(), true);
            page.gap();
            for (String line : letter.addressBlock()) {
                page.wrapped(line);
            }
            page.gap();
            page.wrapped(letter.regarding());
            if (!letter.people().isEmpty()) {
                page.wrapped(String.join(", ", letter.people()));
            }
            page.gap();
            for (String paragraph : letter.paragraphs()) {
                for (String line : paragraph.split("\n")) {
                    page.wrapped(line);
                }
                page.gap();
            }
            toUnicode = page.close();
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return withToUnicode(out.toByteArray(), toUnicode);
    }

    /**
     * PDFBox maps back to characters only the glyphs the font's own character map names; a joined
     * Arabic letter or a conjunct is a glyph of its own. Each font's map is replaced by one of every
     * glyph drawn (after saving, as PDFBox writes its own while subsetting).
     */
    private static byte[] withToUnicode(byte[] pdf, Map<String, Map<Integer, String>> toUnicode) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    Map<Integer, String> glyphs = toUnicode.get(withoutSubsetTag(font.getName()));
                    if (glyphs != null) {
                        COSStream cmap = document.getDocument().createCOSStream();
                        try (OutputStream stream = cmap.createOutputStream(COSName.FLATE_DECODE)) {
                            stream.write(ToUnicode.of(glyphs).getBytes(StandardCharsets.US_ASCII));
                        }
                        font.getCOSObject().setItem(COSName.TO_UNICODE, cmap);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "AAXYBC+NotoSerif-Regular" is NotoSerif-Regular. */
    static String withoutSubsetTag(String fontName) {
        return fontName.substring(fontName.indexOf('+') + 1);
    }
}
