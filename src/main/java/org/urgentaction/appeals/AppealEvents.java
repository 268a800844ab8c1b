package org.urgentaction.appeals;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * The public events held for an appeal, shown on its page. Implemented by the events module, which
 * depends on appeals; the appeal page asks through this interface, so appeals need not know events
 * and the modules stay acyclic. No implementation: no events on the page.
 */
@NamedInterface("api")
public interface AppealEvents {

    /**
     * @param startsAt wall-clock time at the venue, in {@code timeZone}
     * @param past     ended before now
     */
    record Listed(
            String slug,
            String title,
            String kind,
            LocalDateTime startsAt,
            LocalDateTime endsAt,
            String timeZone,
            String venue,
            String city,
            boolean past) {}

    /** Published events linked to the appeal: upcoming ones first, soonest first, then past ones. */
    List<Listed> publicEventsOf(long appealId);
}
