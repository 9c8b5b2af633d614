package dev.interleave.service.view;

import java.util.List;

/** Events after a sequence number; {@code next} is the {@code after} value for the following call. */
public record EventsPage(List<EventView> events, long next) {}
