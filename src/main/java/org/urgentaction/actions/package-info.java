/** What supporters report they did, and the review of those reports. */
@ApplicationModule(allowedDependencies = {"accounts::api", "appeals::api", "audit::api", "targets::api", "web::api"})
package org.urgentaction.actions;

import org.springframework.modulith.ApplicationModule;
