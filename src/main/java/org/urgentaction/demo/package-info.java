/** The demo appeals loaded on first start, from files, through the services staff use. */
@ApplicationModule(
        allowedDependencies = {"actions::api", "appeals::api", "events::api", "targets::api", "letters::api"})
package org.urgentaction.demo;

import org.springframework.modulith.ApplicationModule;
