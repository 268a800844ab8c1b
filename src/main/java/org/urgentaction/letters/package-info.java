/** Letter templates and the composer supporters write with. */
@ApplicationModule(allowedDependencies = {"accounts::api", "appeals::api", "audit::api", "targets::api", "web::api"})
package org.urgentaction.letters;

import org.springframework.modulith.ApplicationModule;
