package dev.interleave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The class API end to end: teacher, students and strangers, and every refusal of the list. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class ClassResourceTest {

    /** Two waits of 2 s and 3 s: 3000 ms on the event loop (5000 ms if one adds them up). */
    static final String TWO_CALLS = """
            {"name":"Two API calls","tasks":[{"id":"a","kind":"io","ms":2000},{"id":"b","kind":"io","ms":3000}]}""";

    static final String CPU = """
            {"name":"CPU","tasks":[{"id":"x","kind":"cpu","ms":400},{"id":"y","kind":"cpu","ms":600}]}""";

    /** A challenge of two steps: the makespan of two waits on the event loop, then which task ends last. */
    static String challenge(Caller teacher) {
        return teacher.json("{\"title\":\"Async 101\",\"steps\":["
                        + "{\"graph\":" + TWO_CALLS + ",\"note\":\"Both are awaited.\","
                        + "\"questions\":[{\"kind\":\"makespan\",\"scheduler\":{\"type\":\"event_loop\"}}]},"
                        + "{\"graph\":" + CPU + ",\"questions\":[{\"kind\":\"last_task\","
                        + "\"scheduler\":{\"type\":\"sequential\"}}]}]}")
                .post("/api/v1/challenges")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static Map<String, Object> open(Caller teacher, String challengeId, String extra) {
        return teacher.json("{\"challengeId\":\"" + challengeId + "\"" + extra + "}")
                .post("/api/v1/classes")
                .then()
                .statusCode(201)
                .extract()
                .path("");
    }

    static String join(Caller student, Object code, String name) {
        return student.json("{\"code\":\"" + code + "\",\"name\":\"" + name + "\"}")
                .post("/api/v1/classes/join")
                .then()
                .statusCode(200)
                .extract()
                .path("classId");
    }

    static String ms(int step, double ms) {
        return "{\"step\":" + step + ",\"question\":0,\"answer\":{\"ms\":" + ms + "}}";
    }

    @Test
    void aTeacherPacedClassRunsToTheRevealWithEveryAccessRule() {
        var teacher = Caller.anonymous();
        var klass = open(teacher, challenge(teacher), "");
        String id = (String) klass.get("id");
        assertThat((String) klass.get("joinCode")).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
        var ada = Caller.anonymous();
        var bob = Caller.anonymous();
        var cy = Caller.anonymous();
        var stranger = Caller.anonymous();
        // Codes are read off a projector: lower case and a dash are the same code.
        String code = (String) klass.get("joinCode");
        assertThat(join(ada, code.toLowerCase().substring(0, 3) + "-" + code.substring(3), "Ada"))
                .isEqualTo(id);
        join(bob, code, "Bob");
        join(cy, code, "Cy");

        ada.given()
                .get("/api/v1/classes/" + id + "/me")
                .then()
                .statusCode(200)
                .body("phase", equalTo("answering"))
                .body("step", equalTo(0))
                .body("note", equalTo("Both are awaited."))
                .body("graph.tasks", hasSize(2))
                .body("questions[0].answer", nullValue());

        // Before the reveal an answer is saved without its grade; a retry is the same answer, not a second one.
        ada.json(ms(0, 5000))
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(201)
                .body("grade", nullValue())
                .body("replayed", equalTo(false));
        ada.json(ms(0, 5000))
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(200)
                .body("replayed", equalTo(true));
        ada.json(ms(0, 3000))
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/answer-already-given"));
        bob.json(ms(0, 3000)).post("/api/v1/classes/" + id + "/answers").then().statusCode(201);

        // The dashboard: two of three answered, the truth marked, one misconception named by the guess table.
        teacher.given()
                .get("/api/v1/classes/" + id + "/dashboard")
                .then()
                .statusCode(200)
                .body("students", equalTo(3))
                .body("notAnswered", equalTo(List.of("Cy")))
                .body("questions[0].answered", equalTo(2))
                .body("questions[0].scale", equalTo("ms"))
                .body("questions[0].histogram.truth", equalTo(3000.0f))
                .body("questions[0].correctShare", equalTo(0.5f))
                .body("questions[0].misconceptions[0].id", equalTo("added-waits"))
                .body("latest", hasSize(2));

        // Strangers learn nothing; students cannot control; nobody but the teacher reads answers.
        stranger.given().get("/api/v1/classes/" + id).then().statusCode(404).contentType("application/problem+json");
        stranger.given().get("/api/v1/classes/" + id + "/me").then().statusCode(404);
        stranger.json(ms(0, 3000))
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(404);
        bob.given()
                .post("/api/v1/classes/" + id + "/reveal")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/not-teacher"));
        bob.given().get("/api/v1/classes/" + id + "/answers").then().statusCode(403);
        bob.given().get("/api/v1/classes/" + id + "/dashboard").then().statusCode(403);
        String bobsView = bob.given()
                .get("/api/v1/classes/" + id + "/me")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(bobsView).doesNotContain("Ada").doesNotContain("Cy").doesNotContain("5000");

        teacher.given()
                .post("/api/v1/classes/" + id + "/reveal")
                .then()
                .statusCode(200)
                .body("phase", equalTo("revealed"));
        ada.given()
                .get("/api/v1/classes/" + id + "/me")
                .then()
                .statusCode(200)
                .body("phase", equalTo("revealed"))
                .body("questions[0].grade.truth.ms", equalTo(3000.0f))
                .body("questions[0].grade.misconception.id", equalTo("added-waits"));
        cy.json(ms(0, 3000))
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/step-not-open"));

        teacher.given()
                .post("/api/v1/classes/" + id + "/advance")
                .then()
                .statusCode(200)
                .body("phase", equalTo("answering"))
                .body("currentStep", equalTo(1));
        cy.json("{\"step\":1,\"question\":0,\"answer\":{\"task\":\"y\"}}")
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(201);
        teacher.given()
                .post("/api/v1/classes/" + id + "/close")
                .then()
                .statusCode(200)
                .body("phase", equalTo("closed"))
                .body("closedAt", notNullValue());
        bob.json("{\"step\":1,\"question\":0,\"answer\":{\"task\":\"x\"}}")
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/class-closed"));
        teacher.given()
                .post("/api/v1/classes/" + id + "/reveal")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/class-closed"));
        // The closed class's code names nothing any more.
        stranger.json("{\"code\":\"" + code + "\",\"name\":\"Eve\"}")
                .post("/api/v1/classes/join")
                .then()
                .statusCode(404)
                .body("type", equalTo("/problems/join-code-unknown"));

        // Every answer saved once, exported with its student; reopening gives a fresh code.
        teacher.given()
                .get("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(200)
                .body("", hasSize(3));
        teacher.given()
                .get("/api/v1/classes/" + id + "/answers.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .body(containsString("\"Ada\",1,0,0,\"makespan\",\"5000 ms\",\"3000 ms\",2000.0,66.7,"))
                .body(containsString("\"added-waits\""));
        var reopened = teacher.given()
                .post("/api/v1/classes/" + id + "/reopen")
                .then()
                .statusCode(200)
                .body("phase", equalTo("revealed"))
                .extract()
                .path("joinCode");
        assertThat(reopened).isNotNull();
        teacher.given().get("/api/v1/classes").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(id));
    }

    @Test
    void wrongCodesAreRefusedCheaplyAndGuessingIsRateLimitedPerAddress() {
        var student = Caller.anonymous();
        student.json("{\"code\":\"0OIL1!\",\"name\":\"Eve\"}")
                .post("/api/v1/classes/join")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/join-code-unknown"));
        // From one (forwarded) address: 20 wrong codes a minute, then 429 even for a well-formed one.
        for (int i = 0; i < 20; i++) {
            student.json("{\"code\":\"ZZZZZ" + (char) ('2' + i % 8) + "\",\"name\":\"Eve\"}")
                    .header("X-Forwarded-For", "203.0.113.77")
                    .post("/api/v1/classes/join")
                    .then()
                    .statusCode(404);
        }
        student.json("{\"code\":\"ZZZZZZ\",\"name\":\"Eve\"}")
                .header("X-Forwarded-For", "203.0.113.77")
                .post("/api/v1/classes/join")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/too-many-join-attempts"))
                .header("Retry-After", notNullValue());
        // Another address is not affected, and a right code is never counted.
        var teacher = Caller.anonymous();
        var klass = open(teacher, challenge(teacher), "");
        student.json("{\"code\":\"" + klass.get("joinCode") + "\",\"name\":\"Eve\"}")
                .header("X-Forwarded-For", "203.0.113.78")
                .post("/api/v1/classes/join")
                .then()
                .statusCode(200);
    }

    @Test
    void badInputIsRefusedAtItsPointerAndChangesNothing() {
        var teacher = Caller.anonymous();
        teacher.json("{\"title\":\"x\",\"steps\":[{\"graph\":" + TWO_CALLS
                        + ",\"questions\":[{\"kind\":\"slowest\"}]}]}")
                .post("/api/v1/challenges")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", matchesPattern("/steps/0/questions/0.*"));
        teacher.json("{\"title\":\"x\",\"steps\":[{\"graph\":{\"tasks\":[{\"id\":\"a\",\"kind\":\"io\",\"ms\":-1}]},"
                        + "\"questions\":[{\"kind\":\"makespan\",\"scheduler\":{\"type\":\"sequential\"}}]}]}")
                .post("/api/v1/challenges")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/steps/0/graph/tasks/0/ms"));
        teacher.given().get("/api/v1/challenges").then().statusCode(200).body("", hasSize(0));
        String challengeId = challenge(teacher);
        teacher.json("{\"challengeId\":\"" + challengeId + "\",\"pacing\":\"whenever\"}")
                .post("/api/v1/classes")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/pacing"));
        var klass = open(teacher, challengeId, "");
        var student = Caller.anonymous();
        student.json("{\"code\":\"" + klass.get("joinCode") + "\",\"name\":\"  \"}")
                .post("/api/v1/classes/join")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/name"));
        String id = join(student, klass.get("joinCode"), "Sam");
        student.json("{\"step\":0,\"question\":0,\"answer\":{\"task\":\"a\"}}")
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", org.hamcrest.Matchers.startsWith("/answer"));
        student.json("{\"step\":5,\"question\":0,\"answer\":{\"ms\":1}}")
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/step"));
        teacher.given().get("/api/v1/classes/" + id + "/answers").then().body("", hasSize(0));
    }

    @Test
    void aRoomJoiningAndAnsweringAtOnceTakesOneSeatAndSavesOneAnswerEach() throws Exception {
        var teacher = Caller.anonymous();
        var klass = open(teacher, challenge(teacher), "");
        String id = (String) klass.get("id");
        int n = 24;
        var students = java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> Caller.anonymous())
                .toList();
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<Integer>();
        try (var phones = java.util.concurrent.Executors.newFixedThreadPool(12)) {
            var joined = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < n; i++) {
                var student = students.get(i);
                String name = "S" + i;
                joined.add(phones.submit(() -> join(student, klass.get("joinCode"), name)));
            }
            for (var f : joined) {
                f.get();
            }
            // every student sends the same answer twice at once, as a phone retrying on a bad network would
            var answered = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (var student : students) {
                for (int copy = 0; copy < 2; copy++) {
                    answered.add(phones.submit(() -> statuses.add(student.json(ms(0, 3000))
                            .post("/api/v1/classes/" + id + "/answers")
                            .then()
                            .extract()
                            .statusCode())));
                }
            }
            for (var f : answered) {
                f.get();
            }
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(n);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(n);
        List<Integer> seats = teacher.given()
                .get("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(200)
                .extract()
                .path("seat");
        assertThat(seats)
                .as("one answer per student, seats 1..n without a gap or a repeat")
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
    }

    @Test
    void withVariantsEachStudentIsGradedOnTheirOwnGraph() {
        var teacher = Caller.anonymous();
        var klass = open(teacher, challenge(teacher), ",\"variants\":true,\"pacing\":\"self\"");
        var one = Caller.anonymous();
        var two = Caller.anonymous();
        String id = join(one, klass.get("joinCode"), "One");
        join(two, klass.get("joinCode"), "Two");
        List<Float> first = one.given()
                .get("/api/v1/classes/" + id + "/me")
                .then()
                .extract()
                .path("graph.tasks.ms");
        List<Float> second = two.given()
                .get("/api/v1/classes/" + id + "/me")
                .then()
                .extract()
                .path("graph.tasks.ms");
        assertThat(first).isNotEqualTo(second);
        float truth = Math.max(first.get(0), first.get(1));
        // Self-paced: the grade comes with the answer, against this student's own variant.
        one.json(ms(0, truth))
                .post("/api/v1/classes/" + id + "/answers")
                .then()
                .statusCode(201)
                .body("grade.truth.ms", equalTo(truth))
                .body("grade.correct", equalTo(true));
        one.given().get("/api/v1/classes/" + id + "/me").then().body("step", equalTo(1));
        teacher.given()
                .post("/api/v1/classes/" + id + "/reveal")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/self-paced"));
        teacher.given()
                .get("/api/v1/classes/" + id + "/dashboard")
                .then()
                .body("questions[0].scale", equalTo("pct_of_truth"))
                .body("questions[0].histogram.truth", equalTo(100.0f))
                .body("questions[0].correctShare", equalTo(1.0f));
    }

    @Test
    void theQrCodeIsAnSvgDrawnHereForTheTeacherOnly() {
        var teacher = Caller.anonymous();
        var klass = open(teacher, challenge(teacher), "");
        String svg = teacher.given()
                .get("/api/v1/classes/" + klass.get("id") + "/qr.svg")
                .then()
                .statusCode(200)
                .contentType(containsString("image/svg+xml"))
                .extract()
                .asString();
        assertThat(svg).startsWith("<svg").contains("<path").doesNotContain("http://" + "example");
        Caller.anonymous()
                .given()
                .get("/api/v1/classes/" + klass.get("id") + "/qr.svg")
                .then()
                .statusCode(404);
        RestAssured.given()
                .contentType(ContentType.JSON)
                .get("/api/v1/classes/not-an-id")
                .then()
                .statusCode(404);
    }
}
