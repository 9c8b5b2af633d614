package dev.interleave.service.view;

/** A new API token, shown once. */
public record TokenView(String id, String token) {}
