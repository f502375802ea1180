package org.sohbet.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypeTests {

    @Test
    void decidesTheTypeFromTheFirstBytesOnly() {
        assertThat(FileType.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .contains(FileType.PNG);
        assertThat(FileType.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .contains(FileType.JPEG);
        assertThat(FileType.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
                .contains(FileType.GIF);
        assertThat(FileType.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
                .contains(FileType.WEBP);
        assertThat(FileType.detect("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))
                .contains(FileType.PDF);
        for (String hostile : new String[] {
            "<svg onload=alert(1)>", "<html><script>", "<?xml version=\"1.0\"?>", "PK\u0003\u0004", "MZ", ""
        }) {
            assertThat(FileType.detect(hostile.getBytes(StandardCharsets.UTF_8)))
                    .isEmpty();
        }
    }

    @Test
    void aNameIsForDisplayOnly() {
        assertThat(FileName.display("..\\..\\webapps\\ROOT\\x.jsp", FileType.PNG))
                .isEqualTo("x.png");
        assertThat(FileName.display("a\r\nContent-Type: text/html.png", FileType.PNG))
                .doesNotContain("\r")
                .doesNotContain("\n")
                .endsWith(".png");
        assertThat(FileName.display("invoice\u202Egpj.exe", FileType.PDF)).isEqualTo("invoicegpj.pdf");
        assertThat(FileName.display("x.jsp%00.jpg", FileType.JPEG)).isEqualTo("x.jsp%00.jpg");
        assertThat(FileName.display("ü".repeat(300) + ".png", FileType.PNG).codePointCount(0, 255))
                .isLessThanOrEqualTo(255);
        assertThat(FileName.display("", FileType.GIF)).isEqualTo("file.gif");
        assertThat(FileName.display("../.htaccess", FileType.PNG)).isEqualTo("htaccess.png");
        assertThat(FileName.display("..", FileType.PNG)).isEqualTo("file.png");
    }
}
