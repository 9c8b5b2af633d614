package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code {"type":"parallel","workers":4}}, {@code {"type":"threads","workers":4,"gil":true,"cores":4}},
 * {@code {"type":"event_loop","cores":8}}: workers for parallel and threads, gil for threads, cores for threads and
 * the event loop (its default executor's size); absent fields take their defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedulerView(String type, Integer workers, Boolean gil, Integer cores) {

    public SchedulerView(String type, Integer workers) {
        this(type, workers, null, null);
    }
}
