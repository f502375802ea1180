package org.sohbet.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTests {

    @Test
    void picksTheFirstSupportedLanguageByWeight() {
        assertThat(Language.fromAcceptLanguage("de-DE,de;q=0.9,fa;q=0.8,en;q=0.5"))
                .contains(Language.PERSIAN);
        assertThat(Language.fromAcceptLanguage("en;q=0.3, tr-TR;q=0.9")).contains(Language.TURKISH);
        assertThat(Language.fromAcceptLanguage("ar-EG")).contains(Language.ARABIC);
        assertThat(Language.fromAcceptLanguage("bg")).contains(Language.BULGARIAN);
    }

    @Test
    void ignoresUnsupportedExcludedAndMalformedHeaders() {
        assertThat(Language.fromAcceptLanguage("de, ja")).isEmpty();
        assertThat(Language.fromAcceptLanguage("fa;q=0")).isEmpty();
        assertThat(Language.fromAcceptLanguage(";;;===")).isEmpty();
        assertThat(Language.fromAcceptLanguage(null)).isEmpty();
        assertThat(Language.fromAcceptLanguage("*")).isEmpty();
    }

    @Test
    void persianAndArabicAreRightToLeft() {
        assertThat(Language.PERSIAN.direction()).isEqualTo("rtl");
        assertThat(Language.ARABIC.direction()).isEqualTo("rtl");
        assertThat(Language.TURKISH.direction()).isEqualTo("ltr");
        assertThat(Language.BULGARIAN.direction()).isEqualTo("ltr");
        assertThat(Language.ENGLISH.direction()).isEqualTo("ltr");
    }

    @Test
    void readsTagsWithRegionsAndUnderscores() {
        assertThat(Language.fromTag("fa_IR")).contains(Language.PERSIAN);
        assertThat(Language.fromTag("TR")).contains(Language.TURKISH);
        assertThat(Language.fromTag("xx")).isEmpty();
    }
}
