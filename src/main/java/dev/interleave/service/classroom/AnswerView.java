package dev.interleave.service.classroom;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interleave.service.guess.Answer;
import dev.interleave.service.guess.Grade;
import java.time.Instant;

/**
 * A saved answer as its student sees it: the grade only once the step is revealed to them (self-paced: at once).
 *
 * @param replayed true when this request repeated an answer already saved (nothing new was written)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnswerView(int step, int question, Answer answer, Instant answeredAt, Grade grade, boolean replayed) {}
