package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One engine event on the wire; type-specific fields are omitted where they do not apply ({@code task} too, for a
 * thread's GIL events outside any task; {@code limit} only on {@code limit_wait} and {@code limit_taken}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(
        long seq,
        String type,
        long ns,
        double tMs,
        int lane,
        String task,
        Double dueMs,
        String awaited,
        String scheduler,
        Integer lanes,
        Boolean virtual,
        String status,
        String reason,
        String limit) {}
