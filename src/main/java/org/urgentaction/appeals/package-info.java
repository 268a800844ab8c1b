/** Appeals: the case, its people, its officials, its timeline and documents; the public pages. */
@ApplicationModule(allowedDependencies = {"accounts::api", "audit::api", "targets::api", "web::api"})
package org.urgentaction.appeals;

import org.springframework.modulith.ApplicationModule;
