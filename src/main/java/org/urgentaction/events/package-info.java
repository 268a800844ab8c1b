/**
 * Events: protests, vigils and letter-writing evenings held for appeals; the public list, page and
 * iCalendar download, the staff pages, and event codes so the room can report.
 */
@ApplicationModule(
        allowedDependencies = {"accounts::api", "actions::api", "appeals::api", "audit::api", "targets::api", "web::api"
        })
package org.urgentaction.events;

import org.springframework.modulith.ApplicationModule;
