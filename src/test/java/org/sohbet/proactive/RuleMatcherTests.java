package org.sohbet.proactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sohbet.account.AccountId;
import org.sohbet.visitor.LiveVisitor;

class RuleMatcherTests {

    static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    static InvitationRule rule(
            List<String> urls,
            int seconds,
            int pages,
            Double cart,
            String step,
            Set<String> languages,
            String returning) {
        return new InvitationRule(
                1, 1, "r", true, urls, seconds, pages, cart, step, languages, returning, Map.of("en", "Hi"), 1, 60);
    }

    static LiveVisitor visitor(String url, int pages, double cart, String step, String language, boolean returning) {
        return new LiveVisitor(
                new AccountId(1),
                1,
                "visitor-1",
                null,
                language,
                returning,
                NOW.minusSeconds(600),
                NOW,
                url,
                "Title",
                pages,
                cart,
                "EUR",
                1,
                step,
                null,
                NOW.minusSeconds(20));
    }

    static RuleMatcher.Verdict check(InvitationRule rule, LiveVisitor visitor) {
        return RuleMatcher.check(RuleMatcher.Compiled.of(rule), visitor, NOW);
    }

    @Test
    void wildcardPathsMatchThePathAndQueryAndWholeAddressesTheWholeAddress() {
        var products = rule(List.of("/products/*"), 0, 0, null, null, Set.of(), "any");
        assertThat(check(products, visitor("https://shop.example/products/tea", 1, 0, null, "en", false))
                        .matches())
                .isTrue();
        assertThat(check(products, visitor("https://shop.example/products/tea?colour=red", 1, 0, null, "en", false))
                        .matches())
                .isTrue();
        assertThat(check(products, visitor("https://shop.example/product", 1, 0, null, "en", false))
                        .matches())
                .isFalse();
        assertThat(check(products, visitor("https://shop.example/cart?from=/products/tea", 1, 0, null, "en", false))
                        .matches())
                .isFalse();
        var exact = rule(List.of("https://shop.example/checkout"), 0, 0, null, null, Set.of(), "any");
        assertThat(check(exact, visitor("https://shop.example/checkout", 1, 0, null, "en", false))
                        .matches())
                .isTrue();
        assertThat(check(exact, visitor("https://other.example/checkout", 1, 0, null, "en", false))
                        .matches())
                .isFalse();
        // Regular-expression characters in a pattern are literal.
        var dotted = rule(List.of("/a.b/*"), 0, 0, null, null, Set.of(), "any");
        assertThat(check(dotted, visitor("https://shop.example/axb/1", 1, 0, null, "en", false))
                        .matches())
                .isFalse();
        assertThat(check(
                                rule(List.of(), 0, 0, null, null, Set.of(), "any"),
                                visitor("https://shop.example/anything", 1, 0, null, "en", false))
                        .matches())
                .isTrue();
    }

    @Test
    void everyConditionThatIsSetMustHold() {
        var checkout = rule(List.of("/checkout*"), 0, 2, 100.0, "in", Set.of("en", "tr"), "returning");
        LiveVisitor good = visitor("https://shop.example/checkout", 3, 120, "payment", "tr", true);
        assertThat(check(checkout, good).matches()).isTrue();
        assertThat(check(checkout, visitor("https://shop.example/checkout", 1, 120, "payment", "tr", true))
                        .matches())
                .as("pages")
                .isFalse();
        assertThat(check(checkout, visitor("https://shop.example/checkout", 3, 99.99, "payment", "tr", true))
                        .matches())
                .as("cart")
                .isFalse();
        assertThat(check(checkout, visitor("https://shop.example/checkout", 3, 120, null, "tr", true))
                        .matches())
                .as("not in checkout")
                .isFalse();
        assertThat(check(checkout, visitor("https://shop.example/checkout", 3, 120, "payment", "fa", true))
                        .matches())
                .as("language")
                .isFalse();
        assertThat(check(checkout, visitor("https://shop.example/checkout", 3, 120, "payment", "tr", false))
                        .matches())
                .as("new visitor")
                .isFalse();
        var payment = rule(List.of(), 0, 0, null, "payment", Set.of(), "new");
        assertThat(check(payment, visitor("https://shop.example/c", 1, 0, "payment", "en", false))
                        .matches())
                .isTrue();
        assertThat(check(payment, visitor("https://shop.example/c", 1, 0, "shipping", "en", false))
                        .matches())
                .isFalse();
    }

    @Test
    void aRuleLackingOnlyTimeOnThePageSaysHowLongToWait() {
        var patient = rule(List.of("/products/*"), 30, 0, null, null, Set.of(), "any");
        RuleMatcher.Verdict verdict =
                check(patient, visitor("https://shop.example/products/tea", 1, 0, null, "en", false));
        assertThat(verdict.matches()).isFalse();
        assertThat(verdict.waitMillis()).isEqualTo(10_000);
        var elsewhere = check(patient, visitor("https://shop.example/cart", 1, 0, null, "en", false));
        assertThat(elsewhere.waitMillis()).isZero();
        var quick = rule(List.of("/products/*"), 20, 0, null, null, Set.of(), "any");
        assertThat(check(quick, visitor("https://shop.example/products/tea", 1, 0, null, "en", false))
                        .matches())
                .isTrue();
    }

    @Test
    void theTextFollowsTheVisitorsLanguageThenEnglishThenTheFirstGiven() {
        var rule = new InvitationRule(
                1,
                1,
                "r",
                true,
                List.of(),
                0,
                0,
                null,
                null,
                Set.of(),
                "any",
                new java.util.LinkedHashMap<>(Map.of("tr", "Merhaba")),
                1,
                60);
        assertThat(rule.message("fa")).isEqualTo("Merhaba");
        var both = new java.util.LinkedHashMap<String, String>();
        both.put("tr", "Merhaba");
        both.put("en", "Hello");
        var two = new InvitationRule(1, 1, "r", true, List.of(), 0, 0, null, null, Set.of(), "any", both, 1, 60);
        assertThat(two.message("tr")).isEqualTo("Merhaba");
        assertThat(two.message("bg")).isEqualTo("Hello");
    }
}
