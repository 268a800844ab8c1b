package org.urgentaction.targets;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * Which appeals list a target, shown when staff edit it. Declared here and implemented by the
 * appeals module, which depends on this one.
 */
@NamedInterface("api")
public interface TargetUsage {

    record UsedBy(long appealId, String reference, String title, String role) {}

    List<UsedBy> appealsUsing(long targetId);
}
