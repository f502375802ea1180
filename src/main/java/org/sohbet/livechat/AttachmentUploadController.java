package org.sohbet.livechat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.sohbet.contact.ContactId;
import org.sohbet.conversation.ConversationProblem;
import org.sohbet.conversation.Conversations;
import org.sohbet.conversation.Frames;
import org.sohbet.livechat.RateLimits.Limit;
import org.sohbet.livechat.VisitorSessions.VisitorSession;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** A visitor's file: an image or a PDF, at most 10 MB, its type decided from its content. */
@RestController
class AttachmentUploadController {

    private final VisitorSessions sessions;
    private final Conversations conversations;
    private final RateLimits limits;

    AttachmentUploadController(VisitorSessions sessions, Conversations conversations, RateLimits limits) {
        this.sessions = sessions;
        this.conversations = conversations;
        this.limits = limits;
    }

    @PostMapping(value = "/widget/attachments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> upload(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String clientId,
            @RequestParam(required = false) String seller,
            HttpServletRequest request)
            throws IOException {
        Optional<VisitorSession> found = Optional.ofNullable(authorization)
                .filter(value -> value.startsWith("Bearer "))
                .flatMap(value ->
                        sessions.byToken(value.substring("Bearer ".length()).strip()));
        if (found.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "A valid visitor token is required.");
        }
        VisitorSession session = found.get();
        if (file == null || file.isEmpty() || clientId == null) {
            return problem(HttpStatus.BAD_REQUEST, "invalid", "Send a non-empty file and a clientId.");
        }
        if (file.getSize() > WidgetController.MAX_FILE_BYTES) {
            return tooLarge();
        }
        long retry = Math.max(
                limits.acquire(Limit.UPLOADS_PER_VISITOR, "session:" + session.token()),
                limits.acquire(Limit.UPLOADS_PER_VISITOR, "address:" + request.getRemoteAddr()));
        if (retry > 0) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(retry))
                    .body(Frames.write(Map.of(
                            "error",
                            "rate_limited",
                            "message",
                            "Too many files; try again later.",
                            "retryAfter",
                            retry)));
        }
        ContactId contact = sessions.withContact(session, null, null).contactId();
        try {
            Conversations.Posted posted = conversations.postFileFromContact(
                    session.accountId(),
                    session.inboxId(),
                    contact,
                    clientId,
                    file.getOriginalFilename(),
                    file.getBytes(),
                    seller);
            return ResponseEntity.status(posted.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                    .body(Frames.message(posted.message()));
        } catch (ConversationProblem problem) {
            return switch (problem.code()) {
                case "file_type" ->
                    problem(
                            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "file_type",
                            "Only PNG, JPEG, GIF, WebP images and PDF files can be sent.");
                case "conflict" ->
                    problem(HttpStatus.CONFLICT, "conflict", "This clientId was used for another message.");
                default -> problem(HttpStatus.UNPROCESSABLE_CONTENT, problem.code(), "The file was refused.");
            };
        }
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<String> tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "too_large", "Files can be at most 10 MB.");
    }

    private static ResponseEntity<String> problem(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Frames.write(Map.of("error", code, "message", message)));
    }
}
