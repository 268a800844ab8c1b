/** Web support every module shares: forms, conflicts, errors, formats, the public page cache. */
@ApplicationModule(allowedDependencies = {})
package org.urgentaction.web;

import org.springframework.modulith.ApplicationModule;
