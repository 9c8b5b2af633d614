package dev.interleave.service.guess;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How explanations write numbers: "2 s", "2.5 s", "450 ms". */
final class Words {

    private Words() {}

    static String duration(double ms) {
        if (Math.abs(ms) >= 1000) {
            return trimmed(ms / 1000, 2) + " s";
        }
        return trimmed(ms, ms < 10 ? 1 : 0) + " ms";
    }

    private static String trimmed(double value, int decimals) {
        return BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
