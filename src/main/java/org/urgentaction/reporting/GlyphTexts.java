package org.urgentaction.reporting;

import java.awt.font.GlyphVector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which characters each shaped glyph stands for, so a PDF reader can copy and search the names. */
final class GlyphTexts {

    private GlyphTexts() {}

    /**
     * The characters each glyph stands for. A cluster of one glyph (a joined letter, a conjunct)
     * stands for all its characters; in a cluster of several, a glyph the font maps to one of
     * them takes that one, and the first other glyph the rest (a vowel sign drawn before its
     * consonant).
     */
    static String[] of(TallyFonts.Embedded fonts, GlyphVector vector, String piece, int face) {
        int count = vector.getNumGlyphs();
        String[] texts = new String[count];
        java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();
        for (int i = 0; i < count; i++) {
            starts.add(Math.min(vector.getGlyphCharIndex(i), piece.length()));
        }
        Map<Integer, List<Integer>> clusters = new HashMap<>();
        for (int i = 0; i < count; i++) {
            clusters.computeIfAbsent(Math.min(vector.getGlyphCharIndex(i), piece.length()), c -> new ArrayList<>())
                    .add(i);
        }
        for (Map.Entry<Integer, List<Integer>> cluster : clusters.entrySet()) {
            Integer next = starts.higher(cluster.getKey());
            StringBuilder rest =
                    new StringBuilder(piece.substring(cluster.getKey(), next == null ? piece.length() : next));
            List<Integer> members = cluster.getValue();
            if (members.size() == 1) {
                texts[members.getFirst()] = rest.toString();
            } else {
                shareOut(fonts, texts, members, rest, vector, face);
            }
        }
        return texts;
    }

    /** A cluster of several glyphs: each takes the character its font maps it to, the first without one the rest. */
    private static void shareOut(
            TallyFonts.Embedded fonts,
            String[] texts,
            List<Integer> members,
            StringBuilder rest,
            GlyphVector vector,
            int face) {
        for (int i : members) {
            texts[i] = "";
            for (int cp : fonts.charactersOf(face, vector.getGlyphCode(i))) {
                int at = rest.indexOf(new String(Character.toChars(cp)));
                if (at >= 0) {
                    texts[i] = new String(Character.toChars(cp));
                    rest.delete(at, at + texts[i].length());
                    break;
                }
            }
        }
        for (int i : members) {
            if (texts[i].isEmpty()) {
                texts[i] = rest.toString();
                break;
            }
        }
    }
}
