package dev.interleave.api;

import dev.interleave.service.guess.Answer;
import dev.interleave.service.guess.Question;

/** POST /runs/{id}/guesses: a guess about the run's graph; {@code shared} shows it on the share page. */
public record GuessRequest(Question question, Answer answer, Boolean shared) {}
