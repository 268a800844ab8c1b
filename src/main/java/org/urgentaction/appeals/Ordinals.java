package org.urgentaction.appeals;

/** "Second UA 44.22": how follow-ups are labelled. */
final class Ordinals {

    private static final String[] WORDS = {
        "", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth"
    };

    private Ordinals() {}

    static String english(int number) {
        return number > 0 && number < WORDS.length ? WORDS[number] : number + "th";
    }
}
