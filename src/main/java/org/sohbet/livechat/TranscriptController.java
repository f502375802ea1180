package org.sohbet.livechat;

import java.util.Map;
import java.util.Optional;
import org.sohbet.contact.Contact;
import org.sohbet.contact.Contacts;
import org.sohbet.conversation.ConversationSummary;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Frames;
import org.sohbet.conversation.TranscriptRequests;
import org.sohbet.livechat.VisitorSessions.VisitorSession;
import org.sohbet.shared.i18n.Language;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The visitor asks for a transcript of their conversation by mail. A contact without an email gives one here
 * (unverified, as in the offline form); one who has an address keeps it, so the widget cannot send a conversation to
 * somebody else's mailbox. The mail channel decides whether and how it is sent.
 */
@RestController
class TranscriptController {

    private final VisitorSessions sessions;
    private final Conversations conversations;
    private final Contacts contacts;
    private final ObjectProvider<TranscriptRequests> transcripts;

    TranscriptController(
            VisitorSessions sessions,
            Conversations conversations,
            Contacts contacts,
            ObjectProvider<TranscriptRequests> transcripts) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.contacts = contacts;
        this.transcripts = transcripts;
    }

    @PostMapping(value = "/widget/transcript", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> request(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String lang) {
        Optional<VisitorSession> found = Optional.ofNullable(authorization)
                .filter(value -> value.startsWith("Bearer "))
                .flatMap(value ->
                        sessions.byToken(value.substring("Bearer ".length()).strip()));
        if (found.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid visitor token is required.");
        }
        VisitorSession session = found.get();
        TranscriptRequests sender = transcripts.getIfAvailable();
        if (sender == null || session.contactId() == null) {
            return problem(HttpStatus.NOT_FOUND, "not_found", "There is no conversation to send.");
        }
        Optional<ConversationSummary> conversation =
                conversations.forContact(session.accountId(), session.inboxId(), session.contactId());
        if (conversation.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "not_found", "There is no conversation to send.");
        }
        Optional<Contact> contact = contacts.find(session.accountId(), session.contactId());
        boolean hasEmail = contact.map(Contact::email).filter(e -> !e.isBlank()).isPresent();
        if (!hasEmail) {
            String clean = email == null ? "" : email.strip();
            if (clean.isEmpty()) {
                return problem(HttpStatus.BAD_REQUEST, "need_email", "Give an email address for the transcript.");
            }
            if (clean.length() > VisitorSocketHandler.MAX_EMAIL
                    || !VisitorSocketHandler.EMAIL.matcher(clean).matches()) {
                return problem(HttpStatus.BAD_REQUEST, "bad_email", "This is not an email address.");
            }
            contacts.updateUnverified(session.accountId(), session.contactId(), null, clean);
        }
        Language language = Language.fromTag(lang).orElse(Language.DEFAULT);
        return switch (sender.request(session.accountId(), conversation.get().id(), language)) {
            case QUEUED ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Frames.write(Map.of("status", "queued")));
            case NO_ADDRESS -> problem(HttpStatus.BAD_REQUEST, "bad_email", "This address cannot get mail from us.");
            case RATE_LIMITED ->
                ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                        .header(HttpHeaders.RETRY_AFTER, "3600")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Frames.write(
                                Map.of("error", "rate_limited", "message", "Too many transcripts; try again later.")));
            case UNAVAILABLE -> problem(HttpStatus.CONFLICT, "unavailable", "Transcripts cannot be mailed here.");
        };
    }

    private static ResponseEntity<String> problem(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Frames.write(Map.of("error", code, "message", message)));
    }
}
