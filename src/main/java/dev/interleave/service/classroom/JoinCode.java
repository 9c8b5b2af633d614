package dev.interleave.service.classroom;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * A class's join code: 6 characters from 31 that cannot be mistaken for each other when read aloud or off a
 * projector (no 0/O, 1/I/L; letters upper case), so 31^6 ≈ 887 million codes. Guessing is bounded by {@link
 * JoinGuard}, not by the code's length alone.
 */
public final class JoinCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCode() {}

    public static String random() {
        var code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /**
     * The code as typed, normalised (trimmed, upper case, spaces and dashes dropped), or null if it cannot be a
     * code (wrong length, a character outside the alphabet): such input never reaches the database.
     */
    public static String normalise(String typed) {
        if (typed == null || typed.length() > 20) {
            return null;
        }
        String code = typed.trim().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "");
        if (code.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return null;
            }
        }
        return code;
    }
}
