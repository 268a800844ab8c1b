package org.urgentaction.audit;

import org.springframework.modulith.NamedInterface;

/** A record staff edit: saved with a version, so that an edit based on an older one is refused. */
@NamedInterface("api")
public interface Versioned {

    Long getId();

    long getVersion();
}
