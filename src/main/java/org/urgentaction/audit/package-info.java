/** The audit trail: who changed what, and every login. */
@ApplicationModule(allowedDependencies = {"web::api"})
package org.urgentaction.audit;

import org.springframework.modulith.ApplicationModule;
