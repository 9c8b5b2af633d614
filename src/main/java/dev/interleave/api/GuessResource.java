package dev.interleave.api;

import dev.interleave.service.ServiceException;
import dev.interleave.service.guess.Grade;
import dev.interleave.service.guess.GuessService;
import dev.interleave.service.guess.Question;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Guess first, about a graph: grade a guess without saving it, and the default questions of a graph. */
@Path("/api/v1/guesses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GuessResource {

    private final GuessService guesses;
    private final CallerIdentity caller;

    GuessResource(GuessService guesses, CallerIdentity caller) {
        this.guesses = guesses;
        this.caller = caller;
    }

    @POST
    @Path("grade")
    public Uni<Grade> grade(GradeRequest body) {
        var request = Bodies.required(body);
        return guesses.grade(
                caller.owner(),
                caller.client().address(),
                request.graph(),
                request.graphId(),
                request.question(),
                request.answer());
    }

    @POST
    @Path("questions")
    public Uni<List<Question>> questions(QuestionsRequest body) {
        var request = Bodies.required(body);
        return guesses.defaults(caller.owner(), request.graph(), request.graphId());
    }

    static boolean flag(Boolean value, String field) {
        if (value == null) {
            throw new ServiceException.BadInput(field + " (true or false) is required");
        }
        return value;
    }
}
