package org.sohbet;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModuleDocsTests {

    @Test
    void sortsRelationsAndComponentsButKeepsTheFrame() {
        String puml = "@startuml\n  Component(b)\n  Component(a)\n}\nRel(z, y)\nRel(a, b)\nSHOW_LEGEND(true)\n@enduml";

        assertThat(ModuleDocs.stableOrder(puml))
                .isEqualTo(
                        "@startuml\n  Component(a)\n  Component(b)\n}\nRel(a, b)\nRel(z, y)\nSHOW_LEGEND(true)\n@enduml");
    }

    @Test
    void sortsListItemsInsideATableCellAndKeepsTheCellMarkerFirst() {
        String adoc = "|Bean references\n|* `z` (in Z)\n* `a` (in A)\n|===\n";

        assertThat(ModuleDocs.stableOrder(adoc)).isEqualTo("|Bean references\n|* `a` (in A)\n* `z` (in Z)\n|===\n");
    }

    @Test
    void aNewCellStartsANewList() {
        String adoc = "* `b`\n* `a`\n|* `d`\n* `c`\n";

        assertThat(ModuleDocs.stableOrder(adoc)).isEqualTo("* `a`\n* `b`\n|* `c`\n* `d`\n");
    }
}
