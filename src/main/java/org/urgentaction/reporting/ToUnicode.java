package org.urgentaction.reporting;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** A ToUnicode CMap (PDF 9.10.3) from glyph ids (the CIDs of an Identity-H font) to text. */
final class ToUnicode {

    private ToUnicode() {}

    static String of(Map<Integer, String> glyphs) {
        StringBuilder cmap = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Adobe-Identity-UCS def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        List<Map.Entry<Integer, String>> entries = glyphs.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .sorted(Map.Entry.comparingByKey())
                .toList();
        // At most 100 entries to a block.
        for (int from = 0; from < entries.size(); from += 100) {
            List<Map.Entry<Integer, String>> block = entries.subList(from, Math.min(entries.size(), from + 100));
            cmap.append(block.size()).append(" beginbfchar\n");
            for (Map.Entry<Integer, String> entry : block) {
                cmap.append(String.format("<%04X> <", entry.getKey()))
                        .append(HexFormat.of()
                                .withUpperCase()
                                .formatHex(entry.getValue().getBytes(StandardCharsets.UTF_16BE)))
                        .append(">\n");
            }
            cmap.append("endbfchar\n");
        }
        return cmap.append("""
                endcmap
                CMapName currentdict /CMap defineresource pop
                end
                end
                """).toString();
    }
}
