package org.sohbet.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.sohbet.account.AccountId;
import org.sohbet.shared.settings.SohbetSettings;
import org.sohbet.shared.web.PublicAddress;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Links inside mail we send. A file link in a transcript must outlive the conversation module's one-hour file links
 * (its key is in memory), so it names the message and is signed with the email key; opening it redirects to a fresh
 * file link.
 */
@Component
class MailLinks {

    static final Duration FILE_LIFETIME = Duration.ofDays(30);

    private final SecretBox secrets;
    private final SohbetSettings settings;
    private final PublicAddress address;
    private final Clock clock;

    MailLinks(SecretBox secrets, SohbetSettings settings, PublicAddress address, Clock clock) {
        this.secrets = secrets;
        this.settings = settings;
        this.address = address;
        this.clock = clock;
    }

    /**
     * Sohbet's public base URL: the configured one, else that of the request being served; empty outside a request
     * without a configured one, which leaves links relative.
     */
    String base() {
        if (settings.publicBaseUrl().isPresent()) {
            return settings.publicBaseUrl().get().toString().replaceAll("/+$", "");
        }
        return RequestContextHolder.getRequestAttributes() == null ? "" : address.base();
    }

    String file(AccountId account, long conversationId, long seq) {
        long expires = clock.instant().plus(FILE_LIFETIME).getEpochSecond();
        return base() + "/mail/files/" + account.value() + "/" + conversationId + "/" + seq + "?exp=" + expires
                + "&sig=" + sign(account.value(), conversationId, seq, expires);
    }

    boolean validFile(long account, long conversationId, long seq, long expires, String signature) {
        if (signature == null || expires < clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(account, conversationId, seq, expires).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(long account, long conversationId, long seq, long expires) {
        byte[] mac = secrets.sign("file/" + account + "/" + conversationId + "/" + seq + "/" + expires);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(mac, 16));
    }
}
