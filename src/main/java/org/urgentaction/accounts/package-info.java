/** Staff accounts, logins, second factors and the security policy. */
@ApplicationModule(allowedDependencies = {"audit::api", "database::api", "web::api"})
package org.urgentaction.accounts;

import org.springframework.modulith.ApplicationModule;
