package dev.interleave.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.interleave.Caller;
import dev.interleave.EmbeddedPostgresResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A value of the wrong JSON type is refused, naming the field, even where Jackson could coerce it. */
@QuarkusTest
@WithTestResource(value = EmbeddedPostgresResource.class, scope = TestResourceScope.GLOBAL)
class StrictJsonTypesTest {

    private final Caller me = Caller.anonymous();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/api/v1/simulate | {'id':'a','kind':'io','ms':'100'}                  | {'type':'event_loop'}            | /graph/tasks/0/ms",
                "/api/v1/runs     | {'id':'a','kind':'io','ms':'100'}                  | {'type':'event_loop'}            | /graph/tasks/0/ms",
                "/api/v1/simulate | {'id':5,'kind':'io','ms':100}                      | {'type':'event_loop'}            | /graph/tasks/0/id",
                "/api/v1/simulate | {'id':'a','kind':'io','ms':100}                    | {'type':'parallel','workers':'2'} | /scheduler/workers",
                "/api/v1/runs     | {'id':'a','kind':'io','ms':100}                    | {'type':'parallel','workers':2.5} | /scheduler/workers",
                "/api/v1/simulate | {'id':'a','kind':'io','ms':100,'after':[1]}        | {'type':'event_loop'}            | /graph/tasks/0/after/0",
            })
    void scalarsAreNotCoerced(String path, String task, String scheduler, String pointer) {
        String body = ("{'graph':{'tasks':[" + task + "]},'scheduler':" + scheduler + "}").replace('\'', '"');
        me.json(body)
                .post(path)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/wrong-type"))
                .body("detail", containsString(pointer));
        me.given().get("/api/v1/runs").then().body("total", equalTo(0));
    }
}
