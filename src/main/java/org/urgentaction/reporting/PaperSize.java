package org.urgentaction.reporting;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper a tally letter is printed on, in the PDF and in the print view. */
public enum PaperSize {
    A4(PDRectangle.A4, "paper-a4.css"),
    LETTER(PDRectangle.LETTER, "paper-letter.css");

    private final PDRectangle page;
    private final String stylesheet;

    PaperSize(PDRectangle page, String stylesheet) {
        this.page = page;
        this.stylesheet = stylesheet;
    }

    PDRectangle page() {
        return page;
    }

    /** The print view's stylesheet that sets {@code @page size}. */
    public String stylesheet() {
        return stylesheet;
    }
}
