package org.sohbet.email;

import java.net.URI;
import org.sohbet.account.AccountId;
import org.sohbet.conversation.ConversationId;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.MessageView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opens a file link of a transcript: the signature names the account, the conversation and the message, so the link
 * reaches that one file and nothing else, and only files the contact saw (never a note).
 */
@RestController
class MailFileController {

    private final MailLinks links;
    private final Conversations conversations;

    MailFileController(MailLinks links, Conversations conversations) {
        this.links = links;
        this.conversations = conversations;
    }

    @GetMapping("/mail/files/{account}/{conversation}/{seq}")
    ResponseEntity<Void> open(
            @PathVariable long account,
            @PathVariable long conversation,
            @PathVariable long seq,
            @RequestParam(defaultValue = "0") long exp,
            @RequestParam(required = false) String sig) {
        if (seq < 1 || !links.validFile(account, conversation, seq, exp, sig)) {
            return ResponseEntity.notFound().build();
        }
        return conversations
                .messagesBetween(new AccountId(account), new ConversationId(conversation), seq - 1, seq)
                .stream()
                .filter(m -> m.seq() == seq && m.attachment() != null && "attachment".equals(m.kind()))
                .findFirst()
                .map(MessageView::attachment)
                .map(a -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                        .location(URI.create(a.url()))
                        .<Void>build())
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
