package org.sohbet.helpcenter;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org data for search engines, written into a {@code <script type="application/ld+json">} block. JSON alone
 * is not enough there: a title holding {@code </script>} would end the block, so every {@code <}, {@code >} and
 * {@code &} is written as a Unicode escape, which JSON readers decode back.
 */
final class JsonLd {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonLd() {}

    static String of(Map<String, Object> data) {
        String json = JSON.writeValueAsString(data);
        StringBuilder safe = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> safe.append("\\u003c");
                case '>' -> safe.append("\\u003e");
                case '&' -> safe.append("\\u0026");
                case '\u2028' -> safe.append("\\u2028");
                case '\u2029' -> safe.append("\\u2029");
                default -> safe.append(c);
            }
        }
        return safe.toString();
    }
}
