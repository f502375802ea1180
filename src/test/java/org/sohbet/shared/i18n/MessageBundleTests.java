package org.sohbet.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bundles must never drift: every key in every language, and every key a template uses. */
class MessageBundleTests {

    static final Path RESOURCES = Path.of("src", "main", "resources");

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyBundleHasExactlyTheEnglishKeysAndNoEmptyValue(Language language) throws IOException {
        Properties english = bundle(Language.ENGLISH);
        Properties translated = bundle(language);

        assertThat(translated.stringPropertyNames())
                .as("keys of messages_%s.properties", language.tag())
                .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        translated.forEach((key, value) -> assertThat(value.toString().strip())
                .as("%s in %s", key, language.tag())
                .isNotEmpty());
    }

    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"PERSIAN", "ARABIC", "TURKISH", "BULGARIAN"})
    void translationsAreNotLeftInEnglish(Language language) throws IOException {
        Properties english = bundle(Language.ENGLISH);
        Properties translated = bundle(language);
        Set<String> untranslated = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String value = english.getProperty(key);
            boolean translatable = value.chars().filter(Character::isLetter).count() > 3 && !value.equals("Sohbet");
            if (translatable && value.equals(translated.getProperty(key))) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated)
                .as("keys still in English in %s", language.tag())
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void messagesWithArgumentsDoubleTheirApostrophes(Language language) throws IOException {
        Properties messages = bundle(language);
        for (String key : messages.stringPropertyNames()) {
            String value = messages.getProperty(key);
            if (value.contains("{0}")) {
                assertThat(value.replace("''", ""))
                        .as("%s in %s is a MessageFormat pattern; write '' for an apostrophe", key, language.tag())
                        .doesNotContain("'");
            }
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Properties english = bundle(Language.ENGLISH);
        Set<String> missing = new TreeSet<>();
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z][\\w.]*)(\\(|})");
        Pattern dynamicKey = Pattern.compile("#\\{\\$\\{'([a-zA-Z][\\w.]*\\.)' \\+");
        Set<String> prefixes = new HashSet<>();
        try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
            for (Path template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template);
                Matcher matcher = literalKey.matcher(html);
                while (matcher.find()) {
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
                Matcher dynamic = dynamicKey.matcher(html);
                while (dynamic.find()) {
                    prefixes.add(dynamic.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
        for (String prefix : prefixes) {
            assertThat(english.stringPropertyNames())
                    .as("keys starting with %s", prefix)
                    .anyMatch(key -> key.startsWith(prefix));
        }
    }

    @Test
    void everySectionAndRoleAndErrorHasItsMessages() throws IOException {
        Properties english = bundle(Language.ENGLISH);
        assertThat(english).containsKey("nav.inbox");
        for (String section : new String[] {"visitors", "contacts", "help", "reports"}) {
            assertThat(english).containsKeys("nav." + section, "comingSoon." + section);
        }
        for (String role : new String[] {"OWNER", "ADMIN", "AGENT"}) {
            assertThat(english).containsKey("role." + role);
        }
        for (String status : new String[] {"400", "403", "404", "405", "410", "413", "429", "other"}) {
            assertThat(english).containsKeys("error." + status, "error." + status + ".help");
        }
        for (String gone : new String[] {"expired", "used", "revoked"}) {
            assertThat(english).containsKey("invitation.gone." + gone);
        }
    }

    static Properties bundle(Language language) throws IOException {
        String name =
                language == Language.ENGLISH ? "messages.properties" : "messages_" + language.tag() + ".properties";
        Properties properties = new Properties();
        try (Reader reader =
                new InputStreamReader(Files.newInputStream(RESOURCES.resolve(name)), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
