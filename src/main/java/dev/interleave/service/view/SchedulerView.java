package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {"type":"parallel","workers":4}}; workers only for parallel. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SchedulerView(String type, Integer workers) {}
