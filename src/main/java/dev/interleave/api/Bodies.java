package dev.interleave.api;

import dev.interleave.service.ServiceException;

final class Bodies {

    private Bodies() {}

    /** An empty body reaches a resource as null: refuse it as bad input, not a server error. */
    static <T> T required(T body) {
        if (body == null) {
            throw new ServiceException.BadInput("a JSON body is required");
        }
        return body;
    }
}
