package org.sohbet.helpcenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelUrlsTests {

    ModelUrls urls = new ModelUrls(Set.of("127.0.0.1"));

    @Test
    void allowlistedLoopbackMayUseHttpAndTheTrailingSlashGoes() {
        assertThat(urls.check(" http://127.0.0.1:11434/v1/ ").toString()).isEqualTo("http://127.0.0.1:11434/v1");
    }

    @Test
    void privateLoopbackAndMetadataAddressesAreRefusedUnlessAllowed() {
        for (String url : new String[] {
            "https://169.254.169.254/latest",
            "https://10.0.0.5/v1",
            "https://[::1]/v1",
            "https://[::ffff:127.0.0.1]/v1",
            "https://2130706433/v1",
            "https://localhost/v1",
            "https://192.168.1.2/v1"
        }) {
            assertThatThrownBy(() -> urls.check(url)).as(url).isInstanceOfSatisfying(HelpProblem.class, p -> assertThat(
                            p.code())
                    .isIn("helpAi.error.private", "helpAi.error.unknownHost"));
        }
    }

    @Test
    void onlyHttpsWithoutUserQueryOrFragment() {
        assertThatThrownBy(() -> urls.check("http://8.8.8.8/v1"))
                .isInstanceOfSatisfying(
                        HelpProblem.class, p -> assertThat(p.code()).isEqualTo("helpAi.error.scheme"));
        assertThatThrownBy(() -> urls.check("ftp://127.0.0.1/v1"))
                .isInstanceOfSatisfying(
                        HelpProblem.class, p -> assertThat(p.code()).isEqualTo("helpAi.error.scheme"));
        for (String url : new String[] {
            "https://user:pw@8.8.8.8/v1", "https://8.8.8.8/v1?x=1", "https://8.8.8.8/v1#f", "", "not a url", "/v1"
        }) {
            assertThatThrownBy(() -> urls.check(url)).as(url).isInstanceOfSatisfying(HelpProblem.class, p -> assertThat(
                            p.code())
                    .isEqualTo("helpAi.error.url"));
        }
        assertThat(urls.check("https://8.8.8.8/v1").toString()).isEqualTo("https://8.8.8.8/v1");
    }
}
