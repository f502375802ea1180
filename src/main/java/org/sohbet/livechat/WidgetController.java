package org.sohbet.livechat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sohbet.account.Sellers;
import org.sohbet.conversation.Frames;
import org.sohbet.shared.i18n.Language;
import org.sohbet.shared.i18n.SohbetLocaleResolver;
import org.sohbet.shared.web.PublicAddress;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The widget's configuration for the loader, and the chat frame page. */
@Controller
class WidgetController {

    static final String DEFAULT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    private final WebsiteInboxes inboxes;
    private final MessageSource messages;
    private final PublicAddress address;
    private final org.springframework.beans.factory.ObjectProvider<org.sohbet.conversation.TranscriptRequests>
            transcripts;

    WidgetController(
            WebsiteInboxes inboxes,
            MessageSource messages,
            PublicAddress address,
            org.springframework.beans.factory.ObjectProvider<org.sohbet.conversation.TranscriptRequests> transcripts) {
        this.transcripts = transcripts;
        this.inboxes = inboxes;
        this.messages = messages;
        this.address = address;
    }

    /**
     * What the loader needs before it draws anything. The calling page's origin must be one of the inbox's domains;
     * CORS lets only such a page read the answer.
     */
    @GetMapping(value = "/widget/config", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> config(
            @RequestParam(required = false) String inbox,
            @RequestParam(required = false) String lang,
            @RequestHeader(value = HttpHeaders.ORIGIN, required = false) String origin,
            HttpServletRequest request) {
        Optional<WebsiteInbox> found = inboxes.byKey(inbox);
        String own = address.origin();
        String caller = origin == null ? own : origin;
        ResponseEntity.BodyBuilder response;
        String body;
        if (found.isEmpty()) {
            response = ResponseEntity.status(HttpStatus.NOT_FOUND);
            body = Frames.write(
                    Map.of("error", "unknown_inbox", "message", "No inbox has the key given in data-inbox."));
        } else if (!AllowedDomains.allows(found.get().allowedDomains(), caller, Optional.of(own))) {
            response = ResponseEntity.status(HttpStatus.FORBIDDEN);
            body = Frames.write(Map.of(
                    "error",
                    "origin_not_allowed",
                    "message",
                    "This page's domain is not allowed for this inbox; add it in Settings, Inboxes."));
        } else {
            Language language = Language.fromTag(lang).orElse(Language.DEFAULT);
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("lang", language.tag());
            config.put("dir", language.direction());
            config.put("open", messages.getMessage("widget.launcher.open", null, language.locale()));
            config.put("close", messages.getMessage("widget.launcher.close", null, language.locale()));
            config.put("title", messages.getMessage("widget.title", null, language.locale()));
            config.put("frame", own + "/widget/frame?inbox=" + found.get().publicKey() + "&lang=" + language.tag());
            response = ResponseEntity.ok();
            body = Frames.write(config);
        }
        if (origin != null) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).header(HttpHeaders.VARY, "Origin");
        }
        return response.cacheControl(CacheControl.noStore()).body(body);
    }

    /** The chat itself, framed by the shop's page. Only the inbox's domains may frame it. */
    @GetMapping("/widget/frame")
    String frame(
            @RequestParam(required = false) String inbox,
            @RequestParam(required = false) String lang,
            @RequestParam(required = false) String origin,
            @RequestParam(required = false) String seller,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<WebsiteInbox> found = inboxes.byKey(inbox);
        String own = address.origin();
        if (found.isEmpty() || !AllowedDomains.allows(found.get().allowedDomains(), origin, Optional.of(own))) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", 404);
            return "error";
        }
        WebsiteInbox box = found.get();
        Language language = Language.fromTag(lang).orElse(Language.DEFAULT);
        response.setHeader(
                "Content-Security-Policy",
                DEFAULT_CSP
                        .replace("frame-ancestors 'none'", "frame-ancestors " + ancestors(box, own))
                        // Product cards pushed by agents show images from the shop's own domains (ADR 41).
                        .replace("img-src 'self' data:", "img-src 'self' data: " + ancestors(box, own)));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("inbox", box.publicKey());
        config.put("greeting", text(box.greeting(), language, "widget.greeting"));
        config.put("replyTime", text(box.replyTime(), language, "widget.replyTime.default"));
        config.put("preChat", box.preChat());
        config.put("parentOrigin", origin);
        config.put("socketPath", "/ws/visitor");
        config.put("attachmentsUrl", "/widget/attachments");
        config.put("maxFileBytes", MAX_FILE_BYTES);
        config.put("lang", language.tag());
        // Only echoed back to the frame, which sends it with its messages; it routes and grants nothing (ADR 32).
        config.put("seller", seller != null && Sellers.KEY.matcher(seller).matches() ? seller : null);
        var transcriptSender = transcripts.getIfAvailable();
        if (transcriptSender != null && transcriptSender.available(box.accountId(), box.id())) {
            config.put("transcriptUrl", "/widget/transcript");
        }
        model.addAttribute("lang", language.tag());
        model.addAttribute("dir", language.direction());
        model.addAttribute("config", Frames.write(config));
        // The frame's texts follow the shop page's language, not a cookie or the browser.
        SohbetLocaleResolver.useForRequest(request, language);
        return "livechat/frame";
    }

    private String text(Map<String, String> byLanguage, Language language, String defaultKey) {
        String text = byLanguage.get(language.tag());
        if (text != null) {
            return text;
        }
        return messages.getMessage(defaultKey, null, language.locale());
    }

    /** The CSP source list of the inbox's domains, over http and https, plus Sohbet itself (the demo shop). */
    private static String ancestors(WebsiteInbox inbox, String own) {
        String domains = inbox.allowedDomains().stream()
                .map(domain -> domain.contains(":") ? domain : domain + ":*")
                .flatMap(domain -> java.util.stream.Stream.of("http://" + domain, "https://" + domain))
                .collect(Collectors.joining(" "));
        return (own + " " + domains).strip();
    }
}
