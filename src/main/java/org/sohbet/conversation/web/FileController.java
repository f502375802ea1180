package org.sohbet.conversation.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.sohbet.conversation.Attachments;
import org.sohbet.shared.NotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Files of conversations, behind signed links. Whatever a file holds, the browser may not sniff it into something
 * else, may not run script from it (a sandbox CSP), and gets PDFs as downloads.
 */
@Controller
class FileController {

    private final Attachments attachments;

    FileController(Attachments attachments) {
        this.attachments = attachments;
    }

    @GetMapping("/files/{id}")
    ResponseEntity<InputStreamResource> file(
            @PathVariable long id,
            @RequestParam(required = false, defaultValue = "0") long exp,
            @RequestParam(required = false) String sig)
            throws IOException {
        Optional<Attachments.OpenFile> found = attachments.open(id, exp, sig);
        Attachments.OpenFile file = found.orElseThrow(NotFoundException::new);
        ContentDisposition disposition = (file.isImage()
                        ? ContentDisposition.inline()
                        : ContentDisposition.attachment())
                .filename(file.name(), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.type()))
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(
                        CacheControl.maxAge(java.time.Duration.ofMinutes(50)).cachePrivate())
                .body(new InputStreamResource(file.content()));
    }
}
