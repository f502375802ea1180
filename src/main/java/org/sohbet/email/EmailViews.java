package org.sohbet.email;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sohbet.account.AccountId;
import org.sohbet.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the console shows of mail: one mail with its parts, a conversation's mails, a mailbox's recent traffic. */
@Service
public class EmailViews {

    /** Inline images larger than this are listed as attachments instead of shown in the frame. */
    static final long MAX_INLINE = 2L * 1024 * 1024;

    private static final Set<String> REASONS =
            Set.of("automatic", "own_address", "agent_unauthenticated", "rate_limited", "no_sender", "empty");

    private final EmailRepository emails;
    private final OutboxRepository outbox;
    private final MailFiles files;
    private final java.time.Clock clock;

    EmailViews(EmailRepository emails, OutboxRepository outbox, MailFiles files, java.time.Clock clock) {
        this.emails = emails;
        this.outbox = outbox;
        this.files = files;
        this.clock = clock;
    }

    public record Mail(
            long id,
            String direction,
            String status,
            String reasonKey,
            Long conversationId,
            String fromAddress,
            String fromName,
            String subject,
            String fresh,
            String quoted,
            boolean hasHtml,
            boolean remoteImages,
            long rawSize,
            Instant at,
            List<PartView> attachments) {}

    public record PartView(long id, String name, String type, long size) {}

    public record Outgoing(
            long id,
            Long conversationId,
            String status,
            int attempts,
            String errorKey,
            Instant createdAt,
            Instant sentAt,
            Instant nextAttemptAt) {}

    public record Download(String name, byte[] content) {}

    public Mail mail(AccountId account, long id) {
        EmailRepository.MailView view = emails.mail(account, id).orElseThrow(NotFoundException::new);
        return toMail(account, view, true);
    }

    public List<Mail> ofConversation(AccountId account, long conversationId) {
        return emails.forConversation(account, conversationId).stream()
                .map(v -> toMail(account, v, true))
                .toList();
    }

    public List<Mail> recent(AccountId account, long inboxId, int limit) {
        return emails.recent(account, inboxId, limit).stream()
                .map(v -> toMail(account, v, false))
                .toList();
    }

    public List<Outgoing> outgoing(AccountId account, long inboxId, int limit) {
        return outbox.recent(account, inboxId, limit).stream()
                .map(r -> new Outgoing(
                        r.id(),
                        r.conversationId(),
                        r.status(),
                        r.attempts(),
                        r.lastError(),
                        r.createdAt(),
                        r.sentAt(),
                        r.nextAttemptAt()))
                .toList();
    }

    @Transactional
    public boolean retry(AccountId account, long outboxId) {
        return outbox.retryNow(account, outboxId, clock.instant());
    }

    /**
     * The sanitized HTML for the sandboxed frame: inline images as data URLs, remote images only when asked. Empty
     * when the mail had no HTML.
     */
    public Optional<String> frame(AccountId account, long id, boolean remoteImages) {
        EmailRepository.MailView view = emails.mail(account, id).orElseThrow(NotFoundException::new);
        if (view.html() == null || view.html().isBlank()) {
            return Optional.empty();
        }
        Map<String, String> inline = new LinkedHashMap<>();
        for (EmailRepository.PartRow part : emails.parts(account, id)) {
            if (part.contentId() != null && part.size() <= MAX_INLINE && isImage(part.contentType())) {
                byte[] bytes = files.read(part.storageKey());
                String type = ImageTypes.detect(bytes);
                if (type != null) {
                    inline.put(
                            part.contentId(),
                            "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes));
                }
            }
        }
        return Optional.of(MailHtml.forFrame(view.html(), inline, remoteImages));
    }

    public Download part(AccountId account, long emailId, long partId) {
        emails.mail(account, emailId).orElseThrow(NotFoundException::new);
        EmailRepository.PartRow part = emails.parts(account, emailId).stream()
                .filter(p -> p.id() == partId)
                .findFirst()
                .orElseThrow(NotFoundException::new);
        return new Download(part.fileName(), files.read(part.storageKey()));
    }

    private Mail toMail(AccountId account, EmailRepository.MailView view, boolean withParts) {
        String text = view.text() == null ? "" : view.text();
        int quote = view.quotedFrom() == null ? -1 : Math.min(view.quotedFrom(), text.length());
        List<PartView> parts = withParts
                ? emails.parts(account, view.id()).stream()
                        .filter(p -> !p.inline() || p.size() > MAX_INLINE)
                        .map(p -> new PartView(p.id(), p.fileName(), p.contentType(), p.size()))
                        .toList()
                : List.of();
        return new Mail(
                view.id(),
                view.direction(),
                view.status(),
                reasonKey(view.reason()),
                view.conversationId(),
                view.fromAddress(),
                view.fromName(),
                view.subject(),
                quote < 0 ? text : text.substring(0, quote).strip(),
                quote < 0 ? null : text.substring(quote).strip(),
                view.html() != null && !view.html().isBlank(),
                MailHtml.hasRemoteImages(view.html()),
                view.rawSize(),
                view.at(),
                parts);
    }

    static String reasonKey(String reason) {
        if (reason == null) {
            return null;
        }
        if (reason.startsWith("email.error.")) {
            return reason;
        }
        return REASONS.contains(reason) ? "email.reason." + reason : null;
    }

    private static boolean isImage(String type) {
        return type != null && type.startsWith("image/");
    }
}
