package dev.interleave.api;

import dev.interleave.service.ServiceException;

/**
 * Page parameters: {@code page} from 0 to 100,000, {@code size} from 1 to 100 (default 20). The page bound keeps the
 * row offset ({@code page * size}) far inside an int: an overflowing one reached the database as a negative offset.
 */
record Paging(int page, int size) {

    static final int MAX_SIZE = 100;
    static final int MAX_PAGE = 100_000;

    static Paging of(String page, String size) {
        return new Paging(parse("page", page, 0, 0, MAX_PAGE), parse("size", size, 20, 1, MAX_SIZE));
    }

    private static int parse(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ServiceException.BadInput(
                name + " must be a whole number from " + min + " to " + max + ", was \"" + value + "\"");
    }
}
