package org.sohbet.email;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a mail as far as it is safe to: limits on parts, depth, text size and header length keep a hostile mail from
 * costing more than a normal one. Whatever cannot be read is named in the notes instead of failing the whole mail.
 * Nested messages ({@code message/rfc822}) are kept as attachments, never opened.
 */
final class MailParser {

    static final int MAX_PARTS = 200;
    static final int MAX_DEPTH = 10;
    static final int MAX_TEXT_BYTES = 2 * 1024 * 1024;
    static final int MAX_HEADER = 998;
    static final int MAX_REFERENCES = 50;

    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<([^<>\\s@]{1,64}@[^<>\\s@]{1,253})>$");
    private static final Pattern ANGLE_ID = Pattern.compile("<[^<>\\s]{1,900}>");
    private static final Session SESSION = Session.getInstance(properties());

    private MailParser() {}

    private static Properties properties() {
        Properties p = new Properties();
        // Real mail breaks the rules; read leniently and let the limits above keep it safe.
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    static ParsedMail parse(byte[] raw) {
        List<String> notes = new ArrayList<>();
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            notes.add("unreadable");
            return headersOnly(new InternetHeaders(), notes);
        }
        Walk walk = new Walk(notes);
        try {
            walk.visit(message, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            notes.add("unreadable_part");
        }
        Headers headers = Headers.of(message, notes);
        return new ParsedMail(
                headers.messageId,
                headers.inReplyTo,
                headers.references,
                headers.fromAddress,
                headers.fromName,
                headers.subject,
                headers.sentAt,
                walk.text == null ? null : walk.text.toString(),
                walk.html,
                List.copyOf(walk.parts),
                headers.automation,
                List.copyOf(new LinkedHashSet<>(notes)));
    }

    /** A mail too large to download: what its headers say, and a note. */
    static ParsedMail headersOnly(InternetHeaders raw, List<String> notes) {
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION);
            for (var e = raw.getAllHeaderLines(); e.hasMoreElements(); ) {
                message.addHeaderLine(e.nextElement());
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        Headers headers = Headers.of(message, notes);
        return new ParsedMail(
                headers.messageId,
                headers.inReplyTo,
                headers.references,
                headers.fromAddress,
                headers.fromName,
                headers.subject,
                headers.sentAt,
                null,
                null,
                List.of(),
                headers.automation,
                List.copyOf(new LinkedHashSet<>(notes)));
    }

    private record Headers(
            String messageId,
            List<String> inReplyTo,
            List<String> references,
            String fromAddress,
            String fromName,
            String subject,
            Instant sentAt,
            ParsedMail.Automation automation) {

        static Headers of(MimeMessage message, List<String> notes) {
            String messageId = firstId(header(message, "Message-ID", notes));
            List<String> inReplyTo = ids(header(message, "In-Reply-To", notes));
            List<String> references = ids(header(message, "References", notes));
            if (references.size() > MAX_REFERENCES) {
                references = references.subList(references.size() - MAX_REFERENCES, references.size());
            }
            String fromAddress = null;
            String fromName = null;
            InternetAddress from = from(message, notes);
            if (from != null) {
                fromAddress = cut(from.getAddress(), 254);
                fromName = from.getPersonal() == null ? null : cut(clean(from.getPersonal()), 200);
            }
            String subject = null;
            try {
                subject = message.getSubject();
            } catch (MessagingException | RuntimeException e) {
                notes.add("header_unreadable");
            }
            if (subject != null) {
                subject = clean(subject);
                if (subject.length() > MAX_HEADER) {
                    notes.add("header_long");
                    subject = cut(subject, MAX_HEADER);
                }
            }
            Instant sentAt = null;
            try {
                Date date = message.getSentDate();
                sentAt = date == null ? null : date.toInstant();
            } catch (MessagingException | RuntimeException ignored) {
                // A broken Date header costs only the date.
            }
            return new Headers(
                    messageId,
                    inReplyTo,
                    references,
                    fromAddress,
                    fromName,
                    subject,
                    sentAt,
                    automation(message, fromAddress, notes));
        }

        private static InternetAddress from(MimeMessage message, List<String> notes) {
            try {
                Address[] from = message.getFrom();
                if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
                    InternetAddress checked = valid(address);
                    if (checked != null) {
                        return checked;
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                // read by hand below
            }
            // A hostile or broken From ("=?UTF-8?Q?a=0D=0Ab:_c@d?= <x@y>") defeats the address parser; the address in
            // angle brackets at the end is what the mail system used.
            String raw = header(message, "From", notes);
            if (raw != null) {
                Matcher m = ANGLE_ADDRESS.matcher(raw.strip());
                if (m.find()) {
                    try {
                        String name = raw.substring(0, m.start()).strip().replaceAll("^\"|\"$", "");
                        InternetAddress address = new InternetAddress();
                        address.setAddress(m.group(1));
                        if (!name.isEmpty()) {
                            address.setPersonal(MimeUtility.decodeText(name), "UTF-8");
                        }
                        InternetAddress checked = valid(address);
                        if (checked != null) {
                            return checked;
                        }
                    } catch (java.io.UnsupportedEncodingException | RuntimeException ignored) {
                        // noted below
                    }
                }
            }
            notes.add("no_sender");
            return null;
        }

        private static InternetAddress valid(InternetAddress address) {
            String value = address.getAddress();
            if (value == null || !value.matches("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,253}")) {
                return null;
            }
            return address;
        }

        private static ParsedMail.Automation automation(MimeMessage message, String fromAddress, List<String> notes) {
            String autoSubmitted = lower(header(message, "Auto-Submitted", notes));
            String precedence = lower(header(message, "Precedence", notes));
            boolean autoReply = lower(header(message, "X-Autoreply", notes)) != null
                    || lower(header(message, "X-Autorespond", notes)) != null
                    || "oof".equals(lower(header(message, "X-Auto-Response-Suppress", notes)));
            boolean auto = (autoSubmitted != null && !autoSubmitted.startsWith("no"))
                    || autoReply
                    || "auto_reply".equals(precedence);
            boolean bulk = "bulk".equals(precedence)
                    || "junk".equals(precedence)
                    || "list".equals(precedence)
                    || header(message, "List-Id", notes) != null
                    || header(message, "List-Unsubscribe", notes) != null;
            String returnPath = header(message, "Return-Path", notes);
            String local = fromAddress == null ? "" : lower(fromAddress.substring(0, fromAddress.indexOf('@')));
            boolean bounce =
                    (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>"))
                            || local.equals("mailer-daemon")
                            || local.equals("postmaster");
            return new ParsedMail.Automation(auto, bulk, bounce);
        }
    }

    private static final class Walk {
        private final List<String> notes;
        private final List<ParsedMail.Part> parts = new ArrayList<>();
        private StringBuilder text;
        private String html;
        private int seen;

        Walk(List<String> notes) {
            this.notes = notes;
        }

        void visit(Part part, int depth) throws MessagingException, IOException {
            if (++seen > MAX_PARTS) {
                notes.add("parts_limit");
                return;
            }
            if (depth > MAX_DEPTH) {
                notes.add("depth_limit");
                return;
            }
            ContentType type = type(part);
            String base = type.getBaseType().toLowerCase(Locale.ROOT);
            if (base.startsWith("multipart/")) {
                Object content;
                try {
                    content = part.getContent();
                } catch (MessagingException | IOException | RuntimeException e) {
                    notes.add("unreadable_part");
                    return;
                }
                if (content instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        try {
                            visit(multipart.getBodyPart(i), depth + 1);
                        } catch (MessagingException | IOException | RuntimeException e) {
                            notes.add("unreadable_part");
                        }
                    }
                }
                return;
            }
            String disposition = disposition(part);
            String fileName = fileName(part);
            boolean attachment = "attachment".equals(disposition) || (fileName != null && !base.startsWith("text/"));
            if (!attachment && (base.equals("text/plain") || base.equals("text/html"))) {
                if (base.equals("text/plain")) {
                    String body = decode(part, type);
                    if (text == null) {
                        text = new StringBuilder(body);
                    } else if (text.length() < MAX_TEXT_BYTES) {
                        text.append("\n\n").append(body);
                    }
                    return;
                }
                if (html == null) {
                    html = decode(part, type);
                    return;
                }
            }
            byte[] content = read(part, Integer.MAX_VALUE);
            String contentId = contentId(part);
            boolean inline = contentId != null && base.startsWith("image/") && !"attachment".equals(disposition);
            parts.add(new ParsedMail.Part(FileNames.of(fileName, base), base, contentId, inline, content));
        }

        private String decode(Part part, ContentType type) throws MessagingException, IOException {
            byte[] bytes = read(part, MAX_TEXT_BYTES);
            String charsetName = type.getParameter("charset");
            Charset charset = null;
            if (charsetName != null) {
                try {
                    charset = Charset.forName(MimeUtility.javaCharset(charsetName.strip()));
                } catch (RuntimeException unknown) {
                    notes.add("charset_unknown");
                }
            }
            if (charset == null) {
                charset = utf8OrLatin(bytes);
            }
            return new String(bytes, charset);
        }

        private byte[] read(Part part, int limit) throws MessagingException, IOException {
            try (InputStream in = part.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) != -1) {
                    if (out.size() + n > limit) {
                        out.write(buffer, 0, limit - out.size());
                        notes.add("truncated");
                        break;
                    }
                    out.write(buffer, 0, n);
                }
                return out.toByteArray();
            }
        }

        private ContentType type(Part part) {
            try {
                String value = part.getContentType();
                return value == null ? new ContentType("text/plain") : new ContentType(value);
            } catch (MessagingException | RuntimeException e) {
                notes.add("content_type_unreadable");
                try {
                    return new ContentType("application/octet-stream");
                } catch (ParseException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }

        private String disposition(Part part) {
            try {
                String value = part.getDisposition();
                return value == null ? null : value.toLowerCase(Locale.ROOT);
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private String fileName(Part part) {
            try {
                String name = part.getFileName();
                // Encoded words in a file name break RFC 2047 but are what most clients send.
                return name != null && name.contains("=?") ? MimeUtility.decodeText(name) : name;
            } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException e) {
                return null;
            }
        }

        private String contentId(Part part) {
            try {
                String[] values = part.getHeader("Content-ID");
                if (values == null || values.length == 0) {
                    return null;
                }
                String id = values[0].strip();
                if (id.startsWith("<") && id.endsWith(">")) {
                    id = id.substring(1, id.length() - 1);
                }
                return id.isEmpty() ? null : cut(id, MAX_HEADER);
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }
    }

    /** UTF-8 when the bytes are valid UTF-8 (most unlabelled mail today), else windows-1252, which decodes anything. */
    static Charset utf8OrLatin(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("windows-1252");
        }
    }

    private static String header(MimeMessage message, String name, List<String> notes) {
        try {
            String value = message.getHeader(name, null);
            if (value == null) {
                return null;
            }
            if (value.length() > 16 * MAX_HEADER) {
                notes.add("header_long");
                value = value.substring(0, 16 * MAX_HEADER);
            }
            return value;
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static String firstId(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = ANGLE_ID.matcher(value);
        if (m.find()) {
            return m.group();
        }
        String bare = value.strip();
        return bare.isEmpty() || bare.length() > 900 || bare.matches(".*[\\s<>].*") ? null : "<" + bare + ">";
    }

    static List<String> ids(String value) {
        if (value == null) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = ANGLE_ID.matcher(value);
        while (m.find() && ids.size() < 4 * MAX_REFERENCES) {
            ids.add(m.group());
        }
        return List.copyOf(ids);
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** Control characters out (a decoded header may carry CR/LF), so nothing read here can split a header later. */
    static String clean(String value) {
        return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    static String cut(String value, int max) {
        if (value == null || value.codePointCount(0, value.length()) <= max) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, max));
    }
}
