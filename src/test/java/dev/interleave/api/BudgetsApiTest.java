package dev.interleave.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code expect} budgets on POST /simulate, /runs and /compare, their verdicts and their JUnit XML. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class BudgetsApiTest {

    /** smallGraph on the event loop: a(30 io) and b(20 io) overlap, then c(10 cpu): 40 ms; sequential 60 ms. */
    private static String simulate(String expect) {
        return "{\"graph\":" + Caller.smallGraph() + ",\"scheduler\":{\"type\":\"event_loop\"},\"expect\":" + expect
                + "}";
    }

    @Test
    void aSimulationMeetingItsBudgetPassesWithOneLinePerExpectation() {
        Caller.anonymous()
                .json(simulate("{\"makespanMs\":{\"max\":40},\"speedupVsSequential\":{\"min\":1.5},"
                        + "\"loopBlockedMs\":{\"max\":10},\"unnoticedWaitMs\":{\"max\":0}}"))
                .post("/api/v1/simulate")
                .then()
                .statusCode(200)
                .body("budget.verdict", equalTo("pass"))
                .body("budget.checks", hasSize(4))
                .body("budget.checks[0].metric", equalTo("makespanMs"))
                .body("budget.checks[0].expected.max", equalTo(40.0f))
                .body("budget.checks[0].expected", not(hasKey("min")))
                .body("budget.checks[0].actual", equalTo(40.0f))
                .body("budget.checks[0].pass", is(true))
                .body("budget.checks[1].actual", equalTo(1.5f))
                .body("budget.checks[2].actual", equalTo(10.0f)) // c holds the loop 10 ms
                .body("budget", not(hasKey("reason")));
    }

    @Test
    void aSimulationOverItsBudgetFailsAndSaysByHowMuch() {
        Caller.anonymous()
                .json(simulate("{\"makespanMs\":{\"max\":39},\"speedupVsSequential\":{\"min\":1.5}}"))
                .post("/api/v1/simulate")
                .then()
                .statusCode(200)
                .body("budget.verdict", equalTo("fail"))
                .body("budget.checks[0].pass", is(false))
                .body("budget.checks[0].message", equalTo("makespanMs was 40 ms, expected at most 39 ms"))
                .body("budget.checks[1].pass", is(true));
    }

    @Test
    void withoutExpectThereIsNoBudget() {
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph() + "}")
                .post("/api/v1/simulate")
                .then()
                .statusCode(200)
                .body("$", not(hasKey("budget")));
    }

    @Test
    void everyBadExpectationIsReportedWithItsPointer() {
        Caller.anonymous()
                .json(simulate("{\"makespan\":{\"max\":1},\"makespanMs\":{\"max\":\"1\"},"
                        + "\"speedupVsSequential\":{\"min\":3,\"max\":2},\"loopBlockedMs\":{\"most\":1},"
                        + "\"utilisation\":{},\"unfinishedTasks\":{\"max\":-1},\"knee\":{\"max\":8}}"))
                .post("/api/v1/simulate")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/expect-invalid"))
                .body(
                        "errors.pointer",
                        equalTo(List.of(
                                "/expect/makespan",
                                "/expect/makespanMs/max",
                                "/expect/speedupVsSequential",
                                "/expect/loopBlockedMs/most",
                                "/expect/utilisation",
                                "/expect/unfinishedTasks/max",
                                "/expect/knee")))
                .body(
                        "errors.code",
                        equalTo(List.of(
                                "unknown-metric",
                                "bound-not-number",
                                "empty-bound",
                                "unknown-bound",
                                "bound-not-object",
                                "bound-negative",
                                "metric-not-allowed")))
                .body("errors[0].message", containsString("makespanMs"));
    }

    @Test
    void anExpectThatIsNotAnObjectIsRefused() {
        Caller.anonymous()
                .json(simulate("[1]"))
                .post("/api/v1/simulate")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", equalTo("/expect"))
                .body("errors[0].code", equalTo("expect-not-object"));
    }

    @Test
    void aSimulationAsJunitHasOneTestCasePerExpectationAndFailuresWithMessages() throws Exception {
        String xml = Caller.anonymous()
                .json(simulate("{\"makespanMs\":{\"max\":39},\"speedupVsSequential\":{\"min\":1.5}}"))
                .post("/api/v1/simulate?format=junit")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/xml"))
                .extract()
                .asString();
        Document doc = parse(xml);
        var cases = testcases(doc);
        assertThat(cases)
                .extracting(c -> c.getAttribute("name"))
                .containsExactly("finished", "makespanMs at most 39 ms", "speedupVsSequential at least 1.5 ×");
        assertThat(failure(cases.get(0))).isNull();
        assertThat(failure(cases.get(1)).getAttribute("message"))
                .isEqualTo("makespanMs was 40 ms, expected at most 39 ms");
        assertThat(failure(cases.get(2))).isNull();
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
    }

    @Test
    void anUnknownFormatIs400() {
        Caller.anonymous()
                .json(simulate("{}"))
                .post("/api/v1/simulate?format=yaml")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aRunIsJudgedOnItsMeasuredResultWhenItEndsAndAsJunit() throws Exception {
        var me = Caller.anonymous();
        String id = me.startRun("{\"graph\":" + Caller.smallGraph() + ",\"scheduler\":{\"type\":\"event_loop\"},"
                + "\"expect\":{\"makespanMs\":{\"max\":60000},\"speedupVsSequential\":{\"min\":100}}}");
        me.awaitStatus(id, "succeeded");
        me.given()
                .get("/api/v1/runs/" + id)
                .then()
                .body("budget.verdict", equalTo("fail"))
                .body("budget.checks.metric", equalTo(List.of("makespanMs", "speedupVsSequential")))
                .body("budget.checks.pass", equalTo(List.of(true, false)));
        me.given()
                .get("/api/v1/runs")
                .then()
                .body("items.find { it.id == '" + id + "' }.budget.verdict", equalTo("fail"));
        String xml = me.given()
                .get("/api/v1/runs/" + id + "/junit")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/xml"))
                .extract()
                .asString();
        var cases = testcases(parse(xml));
        assertThat(cases).hasSize(3);
        assertThat(failure(cases.get(1))).isNull();
        assertThat(failure(cases.get(2)).getAttribute("message")).startsWith("speedupVsSequential was ");
    }

    @Test
    void aRunsJunitIs409UntilItEndsAndAStoppedRunFails() throws Exception {
        var me = Caller.anonymous();
        String id = me.startRun("{\"graph\":{\"tasks\":[{\"id\":\"w\",\"kind\":\"io\",\"ms\":5000}]},"
                + "\"scheduler\":{\"type\":\"event_loop\"},\"expect\":{\"makespanMs\":{\"max\":60000}}}");
        me.given()
                .get("/api/v1/runs/" + id + "/junit")
                .then()
                .statusCode(409)
                .body("type", equalTo("/problems/run-not-finished"));
        me.given().get("/api/v1/runs/" + id).then().body("$", not(hasKey("budget")));
        me.given().post("/api/v1/runs/" + id + "/cancel").then().statusCode(202);
        me.awaitStatus(id, "cancelled");
        me.given()
                .get("/api/v1/runs/" + id)
                .then()
                .body("budget.verdict", equalTo("fail"))
                .body("budget.reason", startsWith("the run did not finish (cancelled)"));
        var cases =
                testcases(parse(me.given().get("/api/v1/runs/" + id + "/junit").asString()));
        assertThat(failure(cases.get(0)).getAttribute("message")).startsWith("the run did not finish (cancelled");
    }

    @Test
    void aRunWithABadBudgetIsRefusedAndNothingIsSaved() {
        var me = Caller.anonymous();
        me.json("{\"graph\":" + Caller.smallGraph() + ",\"expect\":{\"knee\":{\"max\":8}}}")
                .post("/api/v1/runs")
                .then()
                .statusCode(422)
                .body("type", equalTo("/problems/expect-invalid"))
                .body("errors[0].pointer", equalTo("/expect/knee"));
        me.given().get("/api/v1/runs").then().body("total", equalTo(0));
    }

    @Test
    void aComparisonJudgesEveryRunAndReportsThemAsJunit() throws Exception {
        var me = Caller.anonymous();
        String id = me.json("{\"graph\":" + Caller.smallGraph() + ",\"schedulers\":[{\"type\":\"sequential\"},"
                        + "{\"type\":\"event_loop\"}],\"expect\":{\"loopBlockedMs\":{\"max\":5}}}")
                .post("/api/v1/compare")
                .then()
                .statusCode(202)
                .body("$", not(hasKey("budget")))
                .extract()
                .path("id");
        me.given().get("/api/v1/comparisons/" + id + "/junit").then().statusCode(409);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> "succeeded"
                        .equals(me.given().get("/api/v1/comparisons/" + id).path("status")));
        String loopRun = me.given().get("/api/v1/comparisons/" + id).path("runs[1].id");
        me.given()
                .get("/api/v1/comparisons/" + id)
                .then()
                // c (10 ms of cpu) holds the event loop at least 10 ms; nothing holds a loop when running sequentially
                .body("budget.verdict", equalTo("fail"))
                .body("budget.checks.scheduler", equalTo(List.of("sequential", "event_loop")))
                .body("budget.checks.pass", equalTo(List.of(true, false)))
                .body(
                        "budget.checks.runId",
                        hasItem(me.given().get("/api/v1/comparisons/" + id).<String>path("runs[1].id")));
        var cases = testcases(
                parse(me.given().get("/api/v1/comparisons/" + id + "/junit").asString()));
        assertThat(cases)
                .extracting(c -> c.getAttribute("classname"))
                .containsExactly("interleave", "interleave.sequential", "interleave.event_loop");
        assertThat(failure(cases.get(1))).isNull();
        assertThat(failure(cases.get(2)).getAttribute("message")).startsWith("event_loop: loopBlockedMs was ");
    }

    @Test
    void aComparisonCannotAnswerAsJunitAtOnce() {
        Caller.anonymous()
                .json("{\"graph\":" + Caller.smallGraph() + "}")
                .post("/api/v1/compare?format=junit")
                .then()
                .statusCode(400)
                .body("detail", containsString("/junit"));
    }

    /** Parses with the JDK's DOM parser, external entities and DTDs off. */
    static Document parse(String xml) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> testcases(Document doc) {
        var nodes = doc.getElementsByTagName("testcase");
        var list = new ArrayList<Element>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    static Element failure(Element testcase) {
        var f = testcase.getElementsByTagName("failure");
        return f.getLength() == 0 ? null : (Element) f.item(0);
    }
}
