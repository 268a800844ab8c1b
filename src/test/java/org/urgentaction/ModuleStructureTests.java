package org.urgentaction;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/** Feature modules depend on each other only through their top-level packages, and never in a cycle. */
class ModuleStructureTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(UrgentActionApplication.class).verify();
    }
}
