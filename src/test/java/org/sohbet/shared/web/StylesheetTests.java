package org.sohbet.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Right-to-left works by itself only if no stylesheet or template uses a physical direction. */
class StylesheetTests {

    static final Pattern PHYSICAL =
            Pattern.compile("(?<![\\w-])(margin|padding|border)-(left|right)\\b|(?<![\\w-])(left|right)\\s*:|"
                    + "text-align\\s*:\\s*(left|right)|float\\s*:\\s*(left|right)|"
                    + "border-(top|bottom)-(left|right)-radius");

    @Test
    void stylesUseLogicalPropertiesOnly() throws IOException {
        List<String> offences = new ArrayList<>();
        offences.addAll(offences(Path.of("src", "main", "resources")));
        // The widget's frame stylesheet and the loader's shadow-root stylesheet.
        offences.addAll(offences(Path.of("widget", "src")));
        assertThat(offences).isEmpty();
    }

    private static List<String> offences(Path root) throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(
                            p -> p.toString().endsWith(".css") || p.toString().endsWith(".html"))
                    .toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (PHYSICAL.matcher(lines.get(i)).find()) {
                        offences.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        return offences;
    }

    @Test
    void theCheckCatchesPhysicalProperties() {
        assertThat(PHYSICAL.matcher("  margin-left: 1rem;").find()).isTrue();
        assertThat(PHYSICAL.matcher("left: 0").find()).isTrue();
        assertThat(PHYSICAL.matcher("text-align: right").find()).isTrue();
        assertThat(PHYSICAL.matcher("margin-inline-start: 1rem; inset-inline-start: 0")
                        .find())
                .isFalse();
    }
}
