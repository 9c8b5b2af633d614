package dev.interleave.api;

/** OpenAPI examples of the class API (request bodies as a teacher or student would send them). */
final class ClassExamples {

    private ClassExamples() {}

    static final String CHALLENGE = """
            {"title": "Async in one lesson",
             "steps": [
               {"graph": {"name": "Two API calls", "tasks": [
                   {"id": "a", "kind": "io", "ms": 2000}, {"id": "b", "kind": "io", "ms": 3000}]},
                "questions": [{"kind": "makespan", "scheduler": {"type": "event_loop"}}],
                "note": "Both calls are awaited: what does the loop do meanwhile?"},
               {"graphId": "0b0e9e3c-5d2a-4a40-9d59-8f1b2a8c7e11",
                "questions": [{"kind": "fastest_scheduler",
                               "schedulers": [{"type": "sequential"}, {"type": "parallel", "workers": 4}]}]}]}""";

    static final String OPEN = """
            {"challengeId": "6f1c2a9e-2b7d-4a51-8a0e-3c9d4e5f6a7b", "pacing": "teacher", "variants": true,
             "tolerancePct": 10}""";

    static final String JOIN = """
            {"code": "K7QX2M", "name": "Ada"}""";

    static final String ANSWER = """
            {"step": 0, "question": 0, "answer": {"ms": 3000}}""";
}
