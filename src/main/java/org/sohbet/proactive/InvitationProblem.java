package org.sohbet.proactive;

/** A rule the admin typed that cannot be kept: the field and a message key saying why. */
public class InvitationProblem extends RuntimeException {

    private final String field;
    private final String code;

    InvitationProblem(String field, String code) {
        super(field + ": " + code, null, false, false);
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
