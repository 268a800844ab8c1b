package org.urgentaction.database;

import java.nio.file.Path;

/** Another running instance of the app uses this data directory: this one must not touch it. */
public class DataDirectoryInUseException extends IllegalStateException {

    private final transient Path dataDirectory;

    DataDirectoryInUseException(Path dataDirectory, String holderPid) {
        super("The embedded database directory " + dataDirectory + " is in use by another running instance of "
                + "Urgent Action" + (holderPid == null || holderPid.isBlank() ? "" : " (process " + holderPid + ")")
                + ". This instance leaves it alone and does not start.");
        this.dataDirectory = dataDirectory;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }
}
