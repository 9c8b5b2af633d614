package dev.interleave.service.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Unguessable identifiers and secrets. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Ids() {}

    /** A random (v4) UUID: 122 random bits, so ids cannot be enumerated. */
    public static String id() {
        return UUID.randomUUID().toString();
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
