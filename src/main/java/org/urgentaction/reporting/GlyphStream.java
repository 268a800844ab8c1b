package org.urgentaction.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A page's content, written out directly: PDFBox's content stream shows text only through the
 * font's character map, and the shaper's glyphs (joined forms, conjuncts) are not in it.
 */
final class GlyphStream {

    private final PDPage page;
    private final PDStream stream;
    private final StringBuilder operators = new StringBuilder();

    GlyphStream(PDDocument document, PDPage page) {
        this.page = page;
        this.stream = new PDStream(document);
        page.setResources(new PDResources());
        page.setContents(stream);
    }

    void beginText() {
        operators.append("BT\n");
    }

    void endText() {
        operators.append("ET\n");
    }

    void beginActualText(String text) {
        operators
                .append("/Span <</ActualText <FEFF")
                .append(HexFormat.of().withUpperCase().formatHex(text.getBytes(StandardCharsets.UTF_16BE)))
                .append(">>> BDC\n");
    }

    void endMarkedContent() {
        operators.append("EMC\n");
    }

    void setFont(PDType0Font font, float size) {
        COSName name = page.getResources().add(font);
        operators
                .append('/')
                .append(name.getName())
                .append(' ')
                .append(number(size))
                .append(" Tf\n");
    }

    void showGlyph(float x, float y, byte[] code) {
        operators
                .append("1 0 0 1 ")
                .append(number(x))
                .append(' ')
                .append(number(y))
                .append(" Tm <")
                .append(HexFormat.of().formatHex(code))
                .append("> Tj\n");
    }

    void close() throws IOException {
        try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
            out.write(operators.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String number(float value) {
        return String.format(java.util.Locale.ROOT, "%.3f", value);
    }
}
