package org.sohbet.helpcenter;

/** Input the help center refuses; {@code code} is a message key, {@code field} the form field it belongs to. */
class HelpProblem extends RuntimeException {

    private final String field;
    private final String code;

    HelpProblem(String field, String code) {
        super(code, null, false, false);
        this.field = field;
        this.code = code;
    }

    String field() {
        return field;
    }

    String code() {
        return code;
    }
}
