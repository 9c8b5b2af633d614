package dev.interleave.service.budget;

/** A budget's outcome, as the contract spells it: {@code pass} or {@code fail}. */
public enum BudgetVerdict {
    PASS,
    FAIL;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
