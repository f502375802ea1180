package org.sohbet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(SohbetApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void theModulesAreTheOnesTheArchitectureNames() {
        assertThat(MODULES.stream().map(module -> module.getIdentifier().toString()))
                .containsExactlyInAnyOrder(
                        "account",
                        "contact",
                        "conversation",
                        "email",
                        "helpcenter",
                        "livechat",
                        "proactive",
                        "shared",
                        "shop",
                        "visitor");
    }

    /**
     * Writes the module diagrams and canvases to docs/modules, so the committed documentation always matches the code:
     * a change shows up in the diff of the commit that caused it. The Documenter lists components and relations in
     * no fixed order, so the lists are sorted: otherwise every build rewrites the files and branches conflict.
     */
    @Test
    void writesTheModuleDocumentation() throws IOException {
        Path output = Path.of("docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.toList()) {
                Files.writeString(file, ModuleDocs.stableOrder(Files.readString(file)));
            }
        }
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("components.puml", "module-account.puml");
        }
    }
}
