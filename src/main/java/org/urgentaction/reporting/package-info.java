/** Counts, exports and the tally letter for organisers. */
@ApplicationModule(allowedDependencies = {"accounts::api", "actions::api", "appeals::api", "audit::api", "web::api"})
package org.urgentaction.reporting;

import org.springframework.modulith.ApplicationModule;
