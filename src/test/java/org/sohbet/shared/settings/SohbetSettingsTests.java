package org.sohbet.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SohbetSettingsTests {

    @Test
    void rejectsADatabaseUrlThatIsNotPostgresJdbc() {
        assertThatThrownBy(() -> new SohbetSettings.Database("mysql://localhost/sohbet", null, null))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.setting())
                        .isEqualTo("SOHBET_DATABASE_URL"));
        assertThatThrownBy(() -> new SohbetSettings.Database("jdbc:postgresql:///sohbet", null, null))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("names no host");
    }

    @Test
    void blankDatabaseUrlMeansEmbedded() {
        assertThat(new SohbetSettings.Database("  ", null, null).isExternal()).isFalse();
        assertThat(new SohbetSettings.Database("jdbc:postgresql://127.0.0.1:5432/test", "u", "p").isExternal())
                .isTrue();
    }

    @Test
    void neverPrintsTheDatabasePassword() {
        var database = new SohbetSettings.Database("jdbc:postgresql://db/x?password=hunter2", "u", "hunter2");
        assertThat(database.toString()).doesNotContain("hunter2");
        assertThat(new SohbetSettings.Admin("a@b.c", "hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void rejectsARelativeOrNonHttpBaseUrl() {
        assertThatThrownBy(() -> new SohbetSettings(null, "support.example.com", null, null))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.setting())
                        .isEqualTo("SOHBET_BASE_URL"));
        assertThatThrownBy(() -> new SohbetSettings(null, "ftp://example.com", null, null))
                .isInstanceOf(InvalidSettingException.class);
        assertThat(new SohbetSettings(null, "https://support.example.com", null, null).publicBaseUrl())
                .hasValueSatisfying(uri -> assertThat(uri.getHost()).isEqualTo("support.example.com"));
    }

    @Test
    void createsTheDataDirectory(@TempDir Path temp) {
        Path dir = temp.resolve("a/b/data");
        assertThat(new SohbetSettings(dir.toString(), null, null, null).dataDirectory())
                .isEqualTo(dir);
        assertThat(dir).isDirectory();
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedNamesTheSetting(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("a-file"), "x");
        var settings = new SohbetSettings(file.resolve("data").toString(), null, null, null);

        assertThatThrownBy(settings::dataDirectory)
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.setting())
                        .isEqualTo("SOHBET_DATA_DIR"));
    }
}
