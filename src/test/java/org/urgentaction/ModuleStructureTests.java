package org.urgentaction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Feature modules depend on each other only through their top-level packages, and never in a cycle. */
class ModuleStructureTests {

    private final ApplicationModules modules = ApplicationModules.of(UrgentActionApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    /** Kept in docs/modules and committed, so a change of the module graph shows in review. */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        try (Stream<Path> diagrams = Files.list(DOCS)) {
            for (Path diagram :
                    diagrams.filter(p -> p.toString().endsWith(".puml")).toList()) {
                sortRelations(diagram);
            }
        }
    }

    private static final Path DOCS = Path.of("docs/modules");

    /** The Documenter lists relations in class-scanning order, which varies; sorted, the files only change with the graph. */
    private static void sortRelations(Path diagram) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(diagram));
        List<String> relations =
                lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
        int next = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Rel(")) {
                lines.set(i, relations.get(next++));
            }
        }
        Files.write(diagram, lines);
    }
}
