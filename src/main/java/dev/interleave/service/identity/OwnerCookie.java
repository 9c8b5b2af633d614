package dev.interleave.service.identity;

import dev.interleave.config.PlaygroundConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The anonymous owner cookie, the one place that knows it: its name, the format of its secret, and when a request
 * carrying it must not count as its owner (cross-site). The API, the pages and the streams all ask here.
 */
@ApplicationScoped
public class OwnerCookie {

    public static final String NAME = "interleave_owner";
    /** 256 random bits as URL-safe base64 without padding, as {@link IdentityService#newCookieSecret} makes. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final IdentityService identity;
    private final List<String> allowedOrigins;

    @Inject
    OwnerCookie(IdentityService identity, PlaygroundConfig config) {
        this(identity, config.http().allowedOrigins().orElse(List.of()));
    }

    OwnerCookie(IdentityService identity, List<String> allowedOrigins) {
        this.identity = identity;
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** True if {@code value} has the format of a secret this service mints. */
    public static boolean isWellFormed(String value) {
        return value != null && SECRET.matcher(value).matches();
    }

    /** The owner a cookie value names, or null when it is absent or malformed. */
    public Owner owner(String value) {
        return isWellFormed(value) ? identity.fromCookie(value) : null;
    }

    /** The owner cookie's value in a raw {@code Cookie} header (a WebSocket handshake), or null. */
    public static String valueIn(String cookieHeader) {
        if (cookieHeader == null) {
            return null;
        }
        for (String part : cookieHeader.split(";")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals(NAME) && isWellFormed(kv[1])) {
                return kv[1];
            }
        }
        return null;
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
}
