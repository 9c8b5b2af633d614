package dev.interleave.service.identity;

import dev.interleave.config.PlaygroundConfig;
import dev.interleave.persistence.ServerSecrets;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The anonymous owner cookie, the one place that knows it: its names, the format of its value, its signature,
 * and when a request carrying it must not count as its owner (cross-site). The API, the pages and the streams
 * all ask here.
 *
 * <p>A value is {@code SECRET.MAC}: 256 random bits and an HMAC-SHA256 of them under the key every instance reads
 * from the database ({@link ServerSecrets}). The owner id is derived from the secret, so only ids this service
 * issued are owners: a made-up or rotated value is nobody, and its request gets a new cookie like a first visit.
 *
 * <p>Over HTTPS the cookie is {@code __Host-interleave_owner} with {@code Secure}: browsers accept that name only
 * from this exact host, without a {@code Domain}, so a sibling subdomain cannot toss one in. Plain HTTP (the
 * loopback playground) keeps {@code interleave_owner}, since browsers drop {@code Secure} cookies there. A request
 * that sends its owner cookie twice (a tossed one beside ours) is refused rather than guessed at.
 */
@ApplicationScoped
public class OwnerCookie {

    public static final String NAME = "interleave_owner";
    /** The name behind TLS; the {@code __Host-} prefix makes the browser insist on Secure, Path=/, no Domain. */
    public static final String SECURE_NAME = "__Host-" + NAME;
    /** 256 random bits and a 128-bit MAC, both URL-safe base64 without padding. */
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{22}");

    /** A value minted before values were signed: the bare 256-bit secret. */
    private static final Pattern UNSIGNED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final int MAC_BYTES = 16;

    /** What a {@code Cookie} header holds under the owner cookie's name. */
    public record Presented(String value, boolean duplicate) {
        static final Presented NONE = new Presented(null, false);
    }

    private final IdentityService identity;
    private final Supplier<String> key;
    private final List<String> allowedOrigins;

    @Inject
    OwnerCookie(IdentityService identity, ServerSecrets secrets, PlaygroundConfig config) {
        this(identity, secrets::ownerCookieKey, config.http().allowedOrigins().orElse(List.of()));
    }

    OwnerCookie(IdentityService identity, Supplier<String> key, List<String> allowedOrigins) {
        this.identity = identity;
        this.key = key;
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** The cookie's name for a request that came over HTTPS or plain HTTP. */
    public static String name(boolean https) {
        return https ? SECURE_NAME : NAME;
    }

    /** True if {@code value} has the format of a value this service mints (the signature is not checked). */
    public static boolean isWellFormed(String value) {
        return value != null && VALUE.matcher(value).matches();
    }

    /** A new signed value for a new anonymous owner. */
    public String mint() {
        String secret = identity.newCookieSecret();
        return secret + "." + mac(secret);
    }

    /** The owner a cookie value names, or null when it is absent, malformed or not signed by this service. */
    public Owner owner(String value) {
        if (!isWellFormed(value)) {
            return null;
        }
        int dot = value.indexOf('.');
        String secret = value.substring(0, dot);
        byte[] expected = mac(secret).getBytes(StandardCharsets.US_ASCII);
        byte[] given = value.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? identity.fromCookie(secret) : null;
    }

    /**
     * The signed value for an owner cookie minted before values were signed, or null. Such a value still names its
     * owner if that owner already has a row (it saved something then), so an upgrade loses nobody's runs; a made-up
     * unsigned value names nobody, as a made-up signed one does. The secret stays, so the owner id stays.
     */
    public Uni<String> signedFromUnsigned(String value) {
        if (value == null || !UNSIGNED.matcher(value).matches()) {
            return Uni.createFrom().nullItem();
        }
        return identity.known(identity.fromCookie(value)).map(known -> known ? value + "." + mac(value) : null);
    }

    /**
     * The owner a raw {@code Cookie} header names, an owner from before cookies were signed included (pages read
     * with it; the API's next answer re-issues such a cookie signed). Null: nobody.
     */
    public Uni<Owner> resolveIn(String cookieHeader, boolean https) {
        String value = presented(cookieHeader, https).value();
        Owner signed = owner(value);
        return signed != null
                ? Uni.createFrom().item(signed)
                : signedFromUnsigned(value).map(resigned -> resigned == null ? null : owner(resigned));
    }

    /** The owner a raw {@code Cookie} header names, or null (absent, twice, malformed or not signed here). */
    public Owner ownerIn(String cookieHeader, boolean https) {
        return owner(presented(cookieHeader, https).value());
    }

    /** The owner cookie in a raw {@code Cookie} header, under the name for {@code https}; counted, not parsed. */
    public static Presented presented(String cookieHeader, boolean https) {
        if (cookieHeader == null) {
            return Presented.NONE;
        }
        String name = name(https);
        String found = null;
        int count = 0;
        for (String part : cookieHeader.split("[;,]")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals(name)) {
                found = kv[1].trim();
                count++;
            }
        }
        return count == 0 ? Presented.NONE : new Presented(count == 1 ? found : null, count > 1);
    }

    /** The owner cookie's value in a plain-HTTP {@code Cookie} header, or null (absent, duplicated, malformed). */
    public static String valueIn(String cookieHeader) {
        String value = presented(cookieHeader, false).value();
        return isWellFormed(value) ? value : null;
    }

    /**
     * A request that must not act as the cookie's owner (CSRF, cross-site WebSocket hijacking):
     * {@code Sec-Fetch-Site} says cross-site, or {@code Origin} names neither this host nor an allowed origin.
     * A request with neither header (a script, an old browser) is not cross-site.
     */
    public boolean crossSite(String fetchSite, String origin, String host) {
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            return true;
        }
        if (origin == null) {
            return false;
        }
        boolean sameHost = host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
        return !sameHost && !allowedOrigins.contains(origin);
    }

    private String mac(String secret) {
        try {
            var hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key.get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] full = hmac.doFinal(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(full, MAC_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
