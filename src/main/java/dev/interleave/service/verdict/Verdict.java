package dev.interleave.service.verdict;

import java.util.Objects;

/**
 * One plain sentence on a run or comparison and the rule(s) of {@link VerdictRule} that said it.
 *
 * @param rule wire name of the rule; for a comparison the rules of each clause, space-separated
 * @param text what the page shows, as the rules worded it
 */
public record Verdict(String rule, String text) {

    public Verdict {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(text, "text");
    }
}
