package dev.interleave.service.identity;

import java.util.Objects;

/**
 * Who is calling.
 *
 * @param id          stable owner id
 * @param viaCookie   identified by the anonymous cookie (writes need the CSRF check), not by a bearer token
 */
public record Owner(String id, boolean viaCookie) {
    public Owner {
        Objects.requireNonNull(id, "id");
    }
}
