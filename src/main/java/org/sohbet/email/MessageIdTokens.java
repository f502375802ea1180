package org.sohbet.email;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The Message-IDs of our outgoing mail carry a signed token naming the conversation, so a reply finds its way back
 * even when the customer's client drops our other headers, and nobody can craft a token for a conversation they were
 * never sent. A token for an agent (agent notifications, later) also names the agent: only that token lets mail from
 * an agent's address act as the agent.
 */
@Component
class MessageIdTokens {

    private static final Pattern TOKEN = Pattern.compile(
            "<?sohbet\\.(\\d{1,18})\\.(?:a(\\d{1,18})\\.)?([A-Za-z0-9_-]{6,22})\\.([A-Za-z0-9_-]{22})@[^>\\s]+>?");

    record Token(long conversationId, Long agentId) {}

    private final SecretBox secrets;

    MessageIdTokens(SecretBox secrets) {
        this.secrets = secrets;
    }

    /** A Message-ID with angle brackets; {@code unique} keeps two mails of one conversation apart. */
    String make(long conversationId, Long agentId, String unique, String domain) {
        String scope = scope(conversationId, agentId, unique);
        return "<sohbet." + conversationId + "." + (agentId == null ? "" : "a" + agentId + ".") + unique + "."
                + signature(scope) + "@" + domain + ">";
    }

    Optional<Token> read(String messageId) {
        if (messageId == null || messageId.length() > 200) {
            return Optional.empty();
        }
        Matcher m = TOKEN.matcher(messageId.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long conversation = Long.parseLong(m.group(1));
        Long agent = m.group(2) == null ? null : Long.parseLong(m.group(2));
        String expected = signature(scope(conversation, agent, m.group(3)));
        if (!java.security.MessageDigest.isEqual(
                expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                m.group(4).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Token(conversation, agent));
    }

    private static String scope(long conversationId, Long agentId, String unique) {
        return conversationId + "/" + (agentId == null ? "-" : agentId) + "/" + unique;
    }

    private String signature(String scope) {
        byte[] mac = secrets.sign(scope);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, 16));
    }
}
