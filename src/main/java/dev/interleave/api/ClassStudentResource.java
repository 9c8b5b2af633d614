package dev.interleave.api;

import dev.interleave.service.classroom.Answers;
import dev.interleave.service.classroom.Seats;
import dev.interleave.service.classroom.StudentView;
import dev.interleave.service.guess.Answer;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/**
 * The student's side of a class: join with a code and a display name (the anonymous owner cookie is the student,
 * no sign-up), see the current step, answer. A student sees only their own answers.
 */
@Path("/api/v1/classes")
@Produces(MediaType.APPLICATION_JSON)
public class ClassStudentResource {

    /** {@code {"code": "K7QX2M", "name": "Ada"}}. */
    public record JoinRequest(String code, String name) {}

    /** {@code {"step": 0, "question": 0, "answer": {"ms": 3000}}}. */
    public record AnswerRequest(Integer step, Integer question, Answer answer) {}

    private final Seats seats;
    private final Answers answers;
    private final CallerIdentity caller;

    ClassStudentResource(Seats seats, Answers answers, CallerIdentity caller) {
        this.seats = seats;
        this.answers = answers;
        this.caller = caller;
    }

    @POST
    @Path("join")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Join a class with its code",
            description = "404 join-code-unknown for a code no open class has; 429 too-many-join-attempts after"
                    + " 20 wrong codes a minute from one address (right codes are never limited).")
    public Uni<StudentView> join(
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "join", value = ClassExamples.JOIN)))
                    JoinRequest body) {
        var join = Bodies.required(body);
        return seats.join(caller.owner(), caller.client().address(), join.code(), join.name());
    }

    @GET
    @Path("{id}/me")
    @Operation(summary = "My view of the class: the current step (my variant), my answers, and once revealed the truth")
    public Uni<StudentView> me(@PathParam("id") String id) {
        return seats.view(caller.owner(), id);
    }

    @POST
    @Path("{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Answer a question of the open step",
            description = "201 when saved; the same answer again is 200 with replayed: true (never a second row);"
                    + " a different second answer is 409 answer-already-given; a closed class 409 class-closed.")
    public Uni<Response> answer(
            @PathParam("id") String id,
            @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "a makespan guess",
                                                            value = ClassExamples.ANSWER)))
                    AnswerRequest body) {
        var request = Bodies.required(body);
        if (request.step() == null || request.question() == null || request.answer() == null) {
            throw new dev.interleave.service.ServiceException.BadInput("step, question and answer are required");
        }
        return answers.answer(caller.owner(), id, request.step(), request.question(), request.answer())
                .map(saved -> Response.status(saved.created() ? 201 : 200)
                        .entity(saved.view())
                        .build());
    }
}
