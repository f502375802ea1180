package org.sohbet;

import java.util.ArrayList;
import java.util.List;

/** Puts the order-free lists of generated module documentation into a fixed order. */
final class ModuleDocs {

    private ModuleDocs() {}

    /**
     * Sorts each run of consecutive PlantUML {@code Component(}/{@code Rel(} lines and each run of AsciiDoc list items
     * ({@code * }, where the first item of a table cell starts with {@code |* }).
     */
    static String stableOrder(String text) {
        List<String> lines = text.lines().toList();
        List<String> out = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            if (kind == null) {
                out.add(lines.get(i++));
                continue;
            }
            boolean cellStart = lines.get(i).startsWith("|* ");
            List<String> run = new ArrayList<>();
            run.add(cellStart ? lines.get(i).substring(1) : lines.get(i));
            i++;
            while (i < lines.size()
                    && kind.equals(kind(lines.get(i)))
                    && !lines.get(i).startsWith("|")) {
                run.add(lines.get(i++));
            }
            run.sort(null);
            if (cellStart) {
                run.set(0, "|" + run.get(0));
            }
            out.addAll(run);
        }
        String joined = String.join("\n", out);
        return text.endsWith("\n") ? joined + "\n" : joined;
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("Component(")) {
            return "component";
        }
        if (trimmed.startsWith("Rel(")) {
            return "rel";
        }
        if (line.startsWith("* ") || line.startsWith("|* ")) {
            return "item";
        }
        return null;
    }
}
