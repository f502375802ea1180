package org.sohbet.shop.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShopUrlsTests {

    private final ShopUrls strict = new ShopUrls(Set.of());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://127.0.0.1",
                "https://169.254.169.254/latest/meta-data/",
                "https://10.0.0.5",
                "https://172.16.0.1",
                "https://192.168.1.1",
                "https://100.64.0.1",
                "https://0.0.0.0",
                "https://[::1]",
                "https://[::ffff:127.0.0.1]",
                "https://[fc00::1]",
                "https://[fe80::1]",
                "https://2130706433",
                "https://224.0.0.1",
                "https://255.255.255.255"
            })
    void refusesLoopbackPrivateAndReservedAddresses(String url) {
        assertThatThrownBy(() -> strict.check(url))
                .isInstanceOfSatisfying(
                        ShopUrls.Refused.class, r -> assertThat(r.code()).isIn("private", "unknownHost"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://93.184.215.14",
                "ftp://93.184.215.14",
                "file:///etc/passwd",
                "gopher://93.184.215.14",
                "javascript:alert(1)//https://x"
            })
    void refusesEverySchemeButHttps(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(ShopUrls.Refused.class);
    }

    @Test
    void refusesUserInfoQueryAndFragment() {
        for (String url : new String[] {
            "https://user:pw@93.184.215.14", "https://93.184.215.14/?a=1", "https://93.184.215.14/#x", "", "   "
        }) {
            assertThatThrownBy(() -> strict.check(url)).isInstanceOf(ShopUrls.Refused.class);
        }
    }

    @Test
    void acceptsAPublicHttpsAddressAndDropsTheTrailingSlash() throws Exception {
        assertThat(strict.check("https://93.184.215.14:8443/shop/").toString())
                .isEqualTo("https://93.184.215.14:8443/shop");
    }

    @Test
    void allowlistedHostsMayBePrivateAndUseHttp() throws Exception {
        ShopUrls local = new ShopUrls(Set.of("127.0.0.1"));
        assertThat(local.check("http://127.0.0.1:8081").toString()).isEqualTo("http://127.0.0.1:8081");
        assertThatThrownBy(() -> local.check("http://10.0.0.5")).isInstanceOf(ShopUrls.Refused.class);
    }

    @Test
    void onlyHttpLinksBecomeTrackingLinks() {
        assertThat(ShopHttp.safeLink("https://track.example/1")).isEqualTo("https://track.example/1");
        assertThat(ShopHttp.safeLink("JaVaScRiPt:alert(1)")).isNull();
        assertThat(ShopHttp.safeLink("javascript:alert(1)//http://x")).isNull();
        assertThat(ShopHttp.safeLink("data:text/html;base64,PHNjcmlwdD4=")).isNull();
        assertThat(ShopHttp.safeLink("vbscript:x")).isNull();
    }
}
