package dev.interleave.api;

/** PATCH /runs/{id}/guesses/{guessId}: show the guess on the run's share page, or hide it. */
public record ShareGuessRequest(Boolean shared) {}
