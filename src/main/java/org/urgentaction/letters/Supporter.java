package org.urgentaction.letters;

/** Who signs the letter. Both may be blank: the letter then marks where the name goes. */
public record Supporter(String name, String town) {

    public Supporter {
        name = name == null ? "" : name.strip();
        town = town == null ? "" : town.strip();
    }
}
