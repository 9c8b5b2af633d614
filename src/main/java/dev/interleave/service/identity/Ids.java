package dev.interleave.service.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/** Unguessable identifiers and secrets. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9_-]{16}");

    private Ids() {}

    /** A random (v4) UUID: 122 random bits, so ids cannot be enumerated. */
    public static String id() {
        return UUID.randomUUID().toString();
    }

    /**
     * True if {@code value} has the form of an {@link #id()}. Lookups check it first: anything else names nothing,
     * and must not reach the database (a NUL byte there is an error, not a miss).
     */
    public static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /** True if {@code value} has the form of a {@link #slug()}. */
    public static boolean isSlug(String value) {
        return value != null && SLUG.matcher(value).matches();
    }

    /** A share slug: 96 random bits, URL-safe base64 (16 characters). */
    public static String slug() {
        return random(12);
    }

    /** {@code bytes} random bytes as URL-safe base64. */
    public static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return URL.encodeToString(b);
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** A short stable id derived from a secret (the owner id of an anonymous cookie). */
    public static String derived(String prefix, String secret) {
        return prefix + URL.encodeToString(sha256(secret)).substring(0, 22);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
