/** The embedded PostgreSQL the app runs on when no database is configured. */
@ApplicationModule(allowedDependencies = {})
package org.urgentaction.database;

import org.springframework.modulith.ApplicationModule;
