package org.sohbet.livechat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.sohbet.conversation.Frames;
import org.sohbet.proactive.ChatInvitations;
import org.sohbet.shared.web.PublicAddress;
import org.sohbet.visitor.Visitors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the loader sends its batched page views and events, without the chat frame (ADR 30). The body is sent as
 * text/plain so that sendBeacon needs no preflight; the page's origin must be one of the inbox's domains.
 */
@RestController
class TrackingController {

    private final WebsiteInboxes inboxes;
    private final Visitors visitors;
    private final PublicAddress address;
    private final ChatInvitations invitations;

    TrackingController(WebsiteInboxes inboxes, Visitors visitors, PublicAddress address, ChatInvitations invitations) {
        this.inboxes = inboxes;
        this.visitors = visitors;
        this.address = address;
        this.invitations = invitations;
    }

    @PostMapping(value = "/widget/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> events(
            @RequestParam(required = false) String inbox,
            @RequestParam(required = false) String seller,
            @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin,
            HttpServletRequest request)
            throws IOException {
        Optional<WebsiteInbox> found = inboxes.byKeyRecent(inbox);
        String own = address.origin();
        if (found.isEmpty()) {
            return answer(HttpStatus.NOT_FOUND, origin, "unknown_inbox");
        }
        if (!AllowedDomains.allows(found.get().allowedDomains(), origin == null ? own : origin, Optional.of(own))) {
            return answer(HttpStatus.FORBIDDEN, origin, "origin_not_allowed");
        }
        String body = read(request.getInputStream());
        if (body == null) {
            visitors.ingest(found.get().accountId(), found.get().id(), null, seller, null);
            return answer(HttpStatus.CONTENT_TOO_LARGE, origin, "batch_too_large");
        }
        Visitors.Ingested result =
                visitors.ingest(found.get().accountId(), found.get().id(), body, seller, request.getRemoteAddr());
        if (!result.accepted()) {
            return answer(HttpStatus.BAD_REQUEST, origin, "invalid_batch");
        }
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("accepted", result.events());
        answer.put("rejected", result.rejected());
        // The invitation rides on the answer to the batch that triggered it (ADR 33).
        ChatInvitations.Decision decision =
                invitations.evaluate(found.get().accountId(), found.get().id(), result.visitorKey());
        decision.invitation()
                .ifPresent(invite -> answer.put("invite", Map.of("rule", invite.ruleId(), "text", invite.text())));
        if (decision.recheckMillis() > 0) {
            answer.put("recheck", decision.recheckMillis());
        }
        return cors(ResponseEntity.ok(), origin).body(Frames.write(answer));
    }

    /** Reads at most the batch limit; null past it, without reading the rest into memory. */
    private static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(Visitors.MAX_BATCH_BYTES + 1);
        return bytes.length > Visitors.MAX_BATCH_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static ResponseEntity<String> answer(HttpStatus status, String origin, String error) {
        return cors(ResponseEntity.status(status), origin).body(Frames.write(Map.of("error", error)));
    }

    private static ResponseEntity.BodyBuilder cors(ResponseEntity.BodyBuilder response, String origin) {
        if (origin != null) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).header(HttpHeaders.VARY, "Origin");
        }
        return response;
    }
}
