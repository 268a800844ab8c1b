package org.urgentaction.accounts;

/** What a staff member may do. */
public enum Role {
    /** Writes and edits appeals, people, targets, templates and updates. */
    EDITOR,
    /** Sees and exports counts; reads appeals. */
    ORGANISER,
    /** Everything, plus accounts and reopening closed appeals. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
