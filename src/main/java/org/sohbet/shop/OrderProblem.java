package org.sohbet.shop;

/** A pushed order or a connection form that cannot be taken: which field, and a stable code for the answer. */
public class OrderProblem extends RuntimeException {

    private final String field;
    private final String code;

    public OrderProblem(String field, String code) {
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
