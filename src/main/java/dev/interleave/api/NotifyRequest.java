package dev.interleave.api;

/** {@code "notify": {"url": "https://ci.example.com/hooks/interleave"}}: where to POST the final summary. */
public record NotifyRequest(String url) {}
