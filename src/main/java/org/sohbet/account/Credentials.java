package org.sohbet.account;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules for emails and passwords, shared by setup, invitations, seeding and the password page. */
final class Credentials {

    static final int MIN_PASSWORD_LENGTH = 10;
    static final int MAX_PASSWORD_LENGTH = 128;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;]+$");

    private Credentials() {}

    /** The email as stored: trimmed and lower-cased, or empty when it is not a usable address. */
    static Optional<String> normalizeEmail(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            return Optional.empty();
        }
        return Optional.of(email);
    }

    /** A message key describing what is wrong with the password, or empty when it is acceptable. */
    static Optional<String> passwordProblem(String password, String email) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            return Optional.of("validation.password.tooShort");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            return Optional.of("validation.password.tooLong");
        }
        if (email != null && password.strip().equalsIgnoreCase(email.strip())) {
            return Optional.of("validation.password.isEmail");
        }
        return Optional.empty();
    }
}
