package org.sohbet.visitor.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisitorsConsoleControllerTests {

    @Test
    void onlyWebAddressesBecomeLinks() {
        assertThat(VisitorsConsoleController.safeLink(" JavaScript:alert(1)")).isNull();
        assertThat(VisitorsConsoleController.safeLink("data:text/html,x")).isNull();
        assertThat(VisitorsConsoleController.safeLink("https://shop.example/a?b=<c>"))
                .isEqualTo("https://shop.example/a?b=<c>");
    }
}
