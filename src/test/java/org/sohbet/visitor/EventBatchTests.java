package org.sohbet.visitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventBatchTests {

    static String batch(String events) {
        return "{\"v\":\"visitor-123456\",\"lang\":\"fa\",\"events\":[" + events + "]}";
    }

    @Test
    void commerceEventsWithTheirFieldsAreAccepted() {
        var parsed = EventBatch.parse(
                        batch("{\"t\":\"page\",\"url\":\"https://shop.example/products/tea\",\"title\":\"Tea\"},"
                                + "{\"t\":\"track\",\"name\":\"product_view\",\"props\":{\"sku\":\"tea\",\"price\":24}},"
                                + "{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{\"step\":\"payment\"}},"
                                + "{\"t\":\"track\",\"name\":\"purchase\",\"props\":{\"orderId\":\"A1\",\"total\":62}},"
                                + "{\"t\":\"cart\",\"cart\":{\"items\":[],\"total\":0,\"currency\":\"EUR\"}},"
                                + "{\"t\":\"track\",\"name\":\"newsletter_signup\",\"props\":{\"list\":\"weekly\"}}"))
                .orElseThrow();
        assertThat(parsed.events()).hasSize(6);
        assertThat(parsed.rejected()).isZero();
        assertThat(parsed.language()).isEqualTo("fa");
    }

    @Test
    void badEventsAreCountedAndTheRestKept() {
        String deep = "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":1}}}}}";
        var parsed = EventBatch.parse(batch("{\"t\":\"page\",\"url\":\"javascript:alert(1)\"},"
                        + "{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{\"step\":\"teleport\"}},"
                        + "{\"t\":\"track\",\"name\":\"purchase\",\"props\":{\"orderId\":\"A1\",\"total\":\"lots\"}},"
                        + "{\"t\":\"track\",\"name\":\"Bad Name!\"},"
                        + "{\"t\":\"track\",\"name\":\"deep\",\"props\":" + deep + "},"
                        + "{\"t\":\"track\",\"name\":\"big\",\"props\":{\"x\":\"" + "x".repeat(5000) + "\"}},"
                        + "{\"t\":\"unknown\"},42,"
                        + "{\"t\":\"track\",\"name\":\"checkout_step\",\"props\":{}},"
                        + "{\"t\":null},"
                        + "{\"t\":\"page\",\"url\":\"https://shop.example/\"}"))
                .orElseThrow();
        assertThat(parsed.events()).extracting(TrackedEvent::url).containsExactly("https://shop.example/");
        assertThat(parsed.rejected()).isEqualTo(10);
    }

    @Test
    void unusableBatchesAreRefusedWhole() {
        assertThat(EventBatch.parse("not json")).isEmpty();
        assertThat(EventBatch.parse("[1,2]")).isEmpty();
        assertThat(EventBatch.parse("{\"v\":\"short\",\"events\":[]}")).isEmpty();
        assertThat(EventBatch.parse("{\"v\":\"visitor-123456\",\"x\":\"" + "x".repeat(70_000) + "\"}"))
                .isEmpty();
        assertThat(EventBatch.parse(null)).isEmpty();
    }

    @Test
    void tooManyEventsInOneBatchAreCountedAsRejected() {
        String page = "{\"t\":\"page\",\"url\":\"https://shop.example/\"}";
        var parsed = EventBatch.parse(batch(String.join(",", java.util.Collections.nCopies(60, page))))
                .orElseThrow();
        assertThat(parsed.events()).hasSize(50);
        assertThat(parsed.rejected()).isEqualTo(10);
    }

    @Test
    void addressesAreKeptOnlyTruncated() {
        assertThat(IpAddresses.truncate("203.0.113.77")).isEqualTo("203.0.113.0");
        assertThat(IpAddresses.truncate("2001:db8:1234:5678::1")).isEqualTo("2001:db8:1234:0:0:0:0:0");
        assertThat(IpAddresses.truncate("evil.example")).isNull();
    }
}
