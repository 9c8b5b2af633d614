package dev.interleave.service.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner cookie's format and its cross-site test, as the API, the pages and the streams all use them. */
class OwnerCookieTest {

    /** A well-formed value (43 + 1 + 22 characters); whether it is signed depends on the key. */
    private static final String SECRET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ_-01234.abcdefghijklmnopqrstuv";

    private final IdentityService identity = new IdentityService(null, null, 1, java.time.Duration.ZERO);
    private final OwnerCookie cookie = new OwnerCookie(identity, () -> "key-one", List.of("https://docs.example"));

    @Test
    void aValueThisServiceMintedNamesItsOwnerAndAnythingElseNobody() {
        String minted = cookie.mint();
        assertThat(OwnerCookie.isWellFormed(minted)).isTrue();
        Owner owner = cookie.owner(minted);
        assertThat(owner).isEqualTo(identity.fromCookie(minted.substring(0, 43)));
        assertThat(owner.viaCookie()).isTrue();
        assertThat(cookie.owner(null)).isNull();
        assertThat(cookie.owner(minted.substring(1))).isNull();
        assertThat(cookie.owner(minted + "x")).isNull();
        assertThat(cookie.owner(minted.replace('.', '+'))).isNull();
    }

    /** Item 1 of issue 15: any well-formed cookie used to be a new owner, so rotating cookies minted owners. */
    @Test
    void aMadeUpOrReSignedValueIsNobody() {
        String minted = cookie.mint();
        String secret = minted.substring(0, 43);
        assertThat(cookie.owner(SECRET)).isNull();
        assertThat(cookie.owner(secret)).isNull(); // the bare secret, as cookies were before signing
        String flipped = minted.substring(0, 44) + (minted.charAt(44) == 'A' ? 'B' : 'A') + minted.substring(45);
        assertThat(cookie.owner(flipped)).isNull();
        var otherInstanceKey = new OwnerCookie(identity, () -> "key-two", List.of());
        assertThat(otherInstanceKey.owner(minted)).isNull();
        var sameKey = new OwnerCookie(identity, () -> "key-one", List.of());
        assertThat(sameKey.owner(minted)).isEqualTo(cookie.owner(minted)); // every instance shares the key
    }

    /** Item 11 of issue 15: a cookie tossed in beside ours is refused; over HTTPS only the __Host- one counts. */
    @Test
    void aDuplicatedCookieIsRefusedAndHttpsReadsOnlyTheHostPrefixedOne() {
        String mine = cookie.mint();
        String tossed = cookie.mint();
        String both = OwnerCookie.NAME + "=" + tossed + "; " + OwnerCookie.NAME + "=" + mine;
        assertThat(OwnerCookie.presented(both, false).duplicate()).isTrue();
        assertThat(cookie.ownerIn(both, false)).isNull();
        assertThat(OwnerCookie.valueIn(both)).isNull();
        assertThat(OwnerCookie.presented(OwnerCookie.NAME + "=" + mine, false).duplicate())
                .isFalse();
        String mixed = OwnerCookie.NAME + "=" + tossed + "; " + OwnerCookie.SECURE_NAME + "=" + mine;
        assertThat(cookie.ownerIn(mixed, true)).isEqualTo(cookie.owner(mine));
        assertThat(cookie.ownerIn(mixed, false)).isEqualTo(cookie.owner(tossed));
        assertThat(cookie.ownerIn(OwnerCookie.NAME + "=" + mine, true)).isNull();
        assertThat(OwnerCookie.name(true)).isEqualTo("__Host-interleave_owner");
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
