/** The directory of officials appeals are addressed to. */
@ApplicationModule(allowedDependencies = {"accounts::api", "audit::api", "web::api"})
package org.urgentaction.targets;

import org.springframework.modulith.ApplicationModule;
