package org.sohbet.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohbet.shared.i18n.Language;

/** The index on its own: analysis per language, typos, fallback, tenants, snippets and the fingerprint. */
class SearchIndexTests {

    @TempDir
    Path dir;

    static SearchIndex.Entry entry(long id, long account, Language language, String title, String text) {
        return new SearchIndex.Entry(id, id, account, language, title, Slugs.of(title), text);
    }

    @Test
    void eachLanguageMatchesInflectedFormsAndTypos() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.replaceAll(
                    List.of(
                            entry(1, 1, Language.ENGLISH, "Returns", "You can return items within 30 days."),
                            entry(2, 1, Language.TURKISH, "İade", "Ürünleri 30 gün içinde iade edebilirsiniz."),
                            entry(3, 1, Language.PERSIAN, "مرجوعی", "کالاها را تا ۳۰ روز می‌توانید مرجوع کنید."),
                            entry(4, 1, Language.ARABIC, "الإرجاع", "يمكنك إرجاع المنتجات خلال 30 يومًا."),
                            entry(5, 1, Language.BULGARIAN, "Връщане", "Можете да върнете продуктите до 30 дни.")),
                    "f1");

            assertThat(ids(index, Language.ENGLISH, "returning an item")).containsExactly(1L);
            assertThat(ids(index, Language.ENGLISH, "retrun")).containsExactly(1L);
            assertThat(ids(index, Language.TURKISH, "ürünü iade")).containsExactly(2L);
            assertThat(ids(index, Language.PERSIAN, "كالا مرجوع"))
                    .as("Arabic kaf and yeh typed in Persian")
                    .containsExactly(3L);
            assertThat(ids(index, Language.ARABIC, "منتج إرجاع")).containsExactly(4L);
            assertThat(ids(index, Language.BULGARIAN, "продукт връщане")).containsExactly(5L);
        }
    }

    @Test
    void anotherAccountIsNeverSearchedAndOtherLanguagesOnlyWhenNothingMatches() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.replaceAll(
                    List.of(
                            entry(1, 1, Language.ENGLISH, "Gift wrapping", "We wrap gifts."),
                            entry(2, 2, Language.ENGLISH, "Gift cards", "Gift cards for everyone."),
                            entry(3, 1, Language.TURKISH, "Hediye paketi", "Gift paketi de yapıyoruz.")),
                    "f1");

            assertThat(ids(index, Language.ENGLISH, "gift")).containsExactly(1L);
            assertThat(ids(index, Language.TURKISH, "gift")).containsExactly(3L);
            assertThat(ids(index, Language.BULGARIAN, "wrapping")).containsExactly(1L);
            assertThat(index.search(3, Language.ENGLISH, "gift", 10, true)).isEmpty();
        }
    }

    @Test
    void snippetsEscapeTheArticleTextAndMarkOnlyMatches() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.replaceAll(
                    List.of(entry(1, 1, Language.ENGLISH, "Payment", "Pay <script>alert(1)</script> by card & cash.")),
                    "f1");

            String snippet = index.search(1, Language.ENGLISH, "card", 10, false)
                    .getFirst()
                    .snippetHtml();
            assertThat(snippet)
                    .contains("<mark>card</mark>")
                    .contains("&lt;script&gt;")
                    .doesNotContain("<script");
            assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).doesNotContain("<");
        }
    }

    @Test
    void theFingerprintSurvivesReopeningAndGroupsAreReplacedWhole() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.replaceAll(List.of(entry(1, 1, Language.ENGLISH, "Sizes", "Sizes run small.")), "fp-1");
            index.replaceGroup(1, List.of(), "fp-2");
            assertThat(index.search(1, Language.ENGLISH, "sizes", 10, true)).isEmpty();
        }
        try (SearchIndex reopened = SearchIndex.open(dir)) {
            assertThat(reopened.fingerprint()).isEqualTo("fp-2");
            assertThat(reopened.size()).isZero();
        }
    }

    @Test
    void englishFunctionWordsNeitherMatchNorDecideTheRanking() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.replaceAll(
                    List.of(
                            entry(1, 1, Language.ENGLISH, "Cancel an order", "This works until the order is shipped."),
                            entry(2, 1, Language.ENGLISH, "Refunds", "The money goes back to your card.")),
                    "f1");
            assertThat(ids(index, Language.ENGLISH, "until"))
                    .as("a preposition alone")
                    .isEmpty();
            assertThat(ids(index, Language.ENGLISH, "how long until the money is back"))
                    .containsExactly(2L);
        }
    }

    @Test
    void englishStemsAreNotCutToAGistSoUnrelatedWordsStayApart() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.replaceAll(
                    List.of(
                            entry(1, 1, Language.ENGLISH, "Split parcels", "Sometimes an order comes in two parcels."),
                            entry(2, 1, Language.TURKISH, "Siparişler", "Siparişlerinizi hesabınızdan izleyin.")),
                    "f1");
            assertThat(ids(index, Language.ENGLISH, "something")).isEmpty();
            assertThat(ids(index, Language.ENGLISH, "sometimes")).containsExactly(1L);
            assertThat(ids(index, Language.TURKISH, "siparişim"))
                    .as("Turkish suffixes are still joined by the gist")
                    .containsExactly(2L);
        }
    }

    private static List<Long> ids(SearchIndex index, Language language, String query) {
        return index.search(1, language, query, 10, true).stream()
                .map(SearchIndex.Hit::articleId)
                .toList();
    }

    @Test
    void theShopVocabularyFindsAnArticleByAWordItDoesNotContain() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.replaceAll(
                    List.of(
                            entry(
                                    1,
                                    1,
                                    Language.ENGLISH,
                                    "How do gift cards work?",
                                    "Gift cards are valid for two years."),
                            entry(2, 1, Language.ENGLISH, "Gift wrapping", "We wrap the items in a gift box."),
                            entry(3, 1, Language.ENGLISH, "Returns", "Send the items back within 30 days."),
                            entry(4, 1, Language.BULGARIAN, "Доставка в чужбина", "Доставяме в други държави."),
                            entry(5, 1, Language.BULGARIAN, "Опаковане за подарък", "Опаковаме продуктите.")),
                    "f1");

            assertThat(ids(index, Language.ENGLISH, "voucher"))
                    .as("no article says voucher; the vocabulary makes it a gift card")
                    .containsExactly(1L);
            assertThat(ids(index, Language.ENGLISH, "does a gift voucher expire")
                            .getFirst())
                    .isEqualTo(1L);
            assertThat(ids(index, Language.BULGARIAN, "изпращате ли до Германия"))
                    .as("a country name means abroad")
                    .containsExactly(4L);
            assertThat(ids(index, Language.ENGLISH, "umbrella")).isEmpty();
        }
    }

    @Test
    void aSynonymCountsForTheWordItStandsForInTheBotsConfidence() {
        try (SearchIndex index = SearchIndex.open(dir)) {
            index.replaceAll(
                    List.of(entry(1, 1, Language.ENGLISH, "Gift cards", "Gift cards are valid for two years.")), "f1");

            assertThat(index.coverage(1, 1, Language.ENGLISH, "gift voucher")).isEqualTo(1f);
            assertThat(index.coverage(1, 1, Language.ENGLISH, "gift umbrella")).isEqualTo(0.5f);
        }
    }

    @Test
    void vocabularyRulesAreAnalyzedAndOneWayRulesStayOneWay() {
        ShopVocabulary vocabulary = ShopVocabulary.parse(
                List.of("# comment", "parcel, package", "germany, france => country", ""),
                text -> text.isBlank()
                        ? List.of()
                        : List.of(text.toLowerCase(java.util.Locale.ROOT).split(" ")));

        assertThat(vocabulary.expand(List.of("parcel")).getFirst()).containsExactly(List.of("package"));
        assertThat(vocabulary.expand(List.of("germany")).getFirst()).containsExactly(List.of("country"));
        assertThat(vocabulary.expand(List.of("country")).getFirst()).isEmpty();
    }
}
