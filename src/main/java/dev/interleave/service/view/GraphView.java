package dev.interleave.service.view;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.Map;

public record GraphView(
        String id, String name, @JsonRawValue String graph, Instant createdAt, Map<String, String> links) {}
