package dev.interleave.service.classroom;

import dev.interleave.engine.graph.TaskGraph;

/**
 * The seam to the guess-first capability, which owns questions, grading and the misconception table: a class
 * checks its questions and grades its students' answers only through this.
 */
public interface ClassGrading {

    /** Refuses (422, pointers under {@code pointer}) a question the guess-first contract does not accept. */
    void check(TaskGraph graph, ClassQuestion question, String pointer);

    /** Refuses (422, pointers under {@code pointer}) an answer of the wrong shape for the question. */
    void checkAnswer(TaskGraph graph, ClassQuestion question, Guess answer, String pointer);

    /** The answer graded against the engine's prediction for {@code graph}. */
    Graded grade(TaskGraph graph, ClassQuestion question, Guess answer);
}
