package org.urgentaction.appeals;

import java.util.Collection;
import java.util.Map;

import org.springframework.modulith.NamedInterface;

/**
 * The public count of actions reported on appeals. Declared here, where the pages that show it
 * live, and implemented by the module that records reports, so that module may depend on this one
 * and not the other way round.
 */
@NamedInterface("api")
public interface ActionTotals {

    /** Actions reported per appeal; appeals without any are absent. */
    Map<Long, Long> actionsByAppeal(Collection<Long> appealIds);

    default long actionsFor(long appealId) {
        return actionsByAppeal(java.util.List.of(appealId)).getOrDefault(appealId, 0L);
    }
}
