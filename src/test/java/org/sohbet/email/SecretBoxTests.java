package org.sohbet.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sohbet.shared.settings.InvalidSettingException;

class SecretBoxTests {

    @Test
    void sealsAndOpensAndNeverStoresTheClearText() {
        SecretBox box = new SecretBox(new byte[32]);
        byte[] sealed = box.encrypt("imap pässword");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("imap");
        assertThat(box.decrypt(sealed)).isEqualTo("imap pässword");
        assertThat(box.encrypt("imap pässword")).isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyOrATamperedBoxIsRefused() {
        byte[] sealed = new SecretBox(new byte[32]).encrypt("secret");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> new SecretBox(other).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> new SecretBox(new byte[32]).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theKeyFileIsMadeOnceAndReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
        byte[] first = SecretBox.keyFile(dir);
        assertThat(SecretBox.keyFile(dir)).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dir.resolve(SecretBox.KEY_FILE)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aMalformedKeyNamesTheVariable() {
        assertThatThrownBy(() -> new EmailSettings("not-base64!", null, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("SOHBET_EMAIL_KEY");
        assertThatThrownBy(() -> new EmailSettings("AAAA", null, null)).hasMessageContaining("SOHBET_EMAIL_KEY");
    }

    @Test
    void tokensNameTheirConversationAndCannotBeForged() {
        MessageIdTokens tokens = new MessageIdTokens(new SecretBox(new byte[32]));
        String id = tokens.make(42, null, "abcdefgh", "shop.test");
        assertThat(tokens.read(id)).contains(new MessageIdTokens.Token(42, null));
        assertThat(tokens.read(id.replace("sohbet.42.", "sohbet.43."))).isEmpty();
        String forAgent = tokens.make(42, 7L, "abcdefgh", "shop.test");
        assertThat(tokens.read(forAgent)).contains(new MessageIdTokens.Token(42, 7L));
        assertThat(tokens.read(forAgent.replace(".a7.", ".a8."))).isEmpty();
        MessageIdTokens otherInstall = new MessageIdTokens(new SecretBox(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        }));
        assertThat(otherInstall.read(id)).isEmpty();
    }
}
