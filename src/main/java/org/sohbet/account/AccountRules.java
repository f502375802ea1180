package org.sohbet.account;

/** Checks on the names and zones people type, shared by every form of the module. */
final class AccountRules {

    private AccountRules() {}

    static String accountName(String raw) {
        return text(raw, 120, "accountName");
    }

    static String displayName(String raw) {
        return text(raw, 80, "displayName");
    }

    private static String text(String raw, int maxLength, String field) {
        String value = raw == null ? "" : raw.strip();
        // Control characters and bidi overrides would let one name disguise itself as another in lists. The
        // zero-width non-joiner stays: Persian spelling needs it.
        value = value.replaceAll("[\\p{Cc}\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]", "")
                .strip();
        if (value.isEmpty()) {
            throw new AccountProblem(field, "validation.required");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new AccountProblem(field, "validation.tooLong");
        }
        return value;
    }
}
