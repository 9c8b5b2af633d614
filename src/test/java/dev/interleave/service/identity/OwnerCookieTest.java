package dev.interleave.service.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner cookie's format and its cross-site test, as the API, the pages and the streams all use them. */
class OwnerCookieTest {

    private static final String SECRET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01234"; // 43 characters

    private final IdentityService identity = new IdentityService(null, null);
    private final OwnerCookie cookie = new OwnerCookie(identity, List.of("https://docs.example"));

    @Test
    void aWellFormedSecretNamesItsOwnerAndAnythingElseNobody() {
        assertThat(SECRET).hasSize(43);
        assertThat(cookie.owner(SECRET)).isEqualTo(identity.fromCookie(SECRET));
        assertThat(cookie.owner(SECRET).viaCookie()).isTrue();
        assertThat(cookie.owner(null)).isNull();
        assertThat(cookie.owner(SECRET.substring(1))).isNull();
        assertThat(cookie.owner(SECRET + "x")).isNull();
        assertThat(cookie.owner(SECRET.replace('a', '+'))).isNull();
    }

    @Test
    void theValueIsFoundInARawCookieHeader() {
        assertThat(OwnerCookie.valueIn("theme=dark; " + OwnerCookie.NAME + "=" + SECRET + "; lang=en"))
                .isEqualTo(SECRET);
        assertThat(OwnerCookie.valueIn(OwnerCookie.NAME + "=" + SECRET)).isEqualTo(SECRET);
        assertThat(OwnerCookie.valueIn(OwnerCookie.NAME + "=short")).isNull();
        assertThat(OwnerCookie.valueIn("other_owner=" + SECRET)).isNull();
        assertThat(OwnerCookie.valueIn(null)).isNull();
    }

    @Test
    void aRequestIsCrossSiteWhenTheBrowserSaysSoOrItsOriginIsForeign() {
        assertThat(cookie.crossSite("cross-site", null, "play.example")).isTrue();
        assertThat(cookie.crossSite("CROSS-SITE", "http://play.example", "play.example"))
                .isTrue();
        assertThat(cookie.crossSite(null, "https://evil.example", "play.example"))
                .isTrue();
        assertThat(cookie.crossSite(null, "https://play.example", null)).isTrue();
    }

    @Test
    void aRequestFromThisHostAnAllowedOriginOrNoBrowserIsNot() {
        assertThat(cookie.crossSite("same-origin", "http://play.example", "play.example"))
                .isFalse();
        assertThat(cookie.crossSite(null, "https://play.example", "play.example"))
                .isFalse();
        assertThat(cookie.crossSite("same-site", "https://docs.example", "play.example"))
                .isFalse();
        assertThat(cookie.crossSite(null, null, "play.example")).isFalse();
        assertThat(cookie.crossSite("none", null, null)).isFalse();
    }
}
