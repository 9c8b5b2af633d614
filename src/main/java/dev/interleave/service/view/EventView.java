package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One engine event on the wire; type-specific fields are omitted where they do not apply ({@code task} too, for a
 * thread's GIL events outside any task; {@code limit} only on {@code limit_wait} and {@code limit_taken};
 * {@code pass}, {@code ready} and {@code timers} only on {@code loop_pass}).
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
        String limit,
        Integer pass,
        Integer ready,
        Integer timers) {

    /** Every event but {@code loop_pass}. */
    public EventView(
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
            String limit) {
        this(
                seq, type, ns, tMs, lane, task, dueMs, awaited, scheduler, lanes, virtual, status, reason, limit, null,
                null, null);
    }
}
