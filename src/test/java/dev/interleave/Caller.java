package dev.interleave;

import dev.interleave.service.identity.Ids;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A test caller with its own anonymous identity (a fresh cookie secret). */
public record Caller(String secret) {

    public static Caller anonymous() {
        return new Caller(Ids.random(32));
    }

    public String cookie() {
        return "interleave_owner=" + secret;
    }

    public RequestSpecification given() {
        return io.restassured.RestAssured.given().cookie("interleave_owner", secret);
    }

    public RequestSpecification json(String body) {
        return given().contentType(ContentType.JSON).body(body);
    }

    /** A graph of short tasks (tens of ms) so real runs finish quickly. */
    public static String smallGraph() {
        return """
                {"name":"small","tasks":[{"id":"a","kind":"io","ms":30},{"id":"b","kind":"io","ms":20},
                {"id":"c","kind":"cpu","ms":10,"after":["a","b"]}]}""";
    }

    /** A run request for {@link #smallGraph()} on {@code scheduler} (JSON). */
    public static String runBody(String scheduler) {
        return "{\"graph\":" + smallGraph() + ",\"scheduler\":" + scheduler + "}";
    }

    /** Starts a run ({@code POST /api/v1/runs}, which must answer 202); returns its id. */
    public String startRun(String body) {
        return json(body).post("/api/v1/runs").then().statusCode(202).extract().path("id");
    }

    /** Polls the run until its status is one of {@code statuses}; returns it. */
    public String awaitStatus(String id, String... statuses) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> java.util.List.of(statuses)
                        .contains(given().get("/api/v1/runs/" + id)
                                .then()
                                .extract()
                                .path("status")));
        return given().get("/api/v1/runs/" + id).then().extract().path("status");
    }
}
