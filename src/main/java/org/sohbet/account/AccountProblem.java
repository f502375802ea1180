package org.sohbet.account;

/** A rule the input broke. The field names the form field; the code is a message-bundle key. */
public class AccountProblem extends RuntimeException {

    private final String field;
    private final String code;

    public AccountProblem(String field, String code) {
        super(field + ": " + code);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    public String code() {
        return code;
    }
}
