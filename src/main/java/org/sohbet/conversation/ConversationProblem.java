package org.sohbet.conversation;

/**
 * A request the conversation rules refuse. The code is the protocol's error code (docs/protocol.md) and the key of
 * its message in the bundles ({@code chat.error.<code>}).
 */
public class ConversationProblem extends RuntimeException {

    private final String code;

    public ConversationProblem(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
