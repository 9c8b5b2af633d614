package dev.interleave.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Class pages: {@code /classes} (a teacher starts a class from the built-in examples), {@code /classes/{id}} (the
 * live dashboard) and {@code /join} (a student's phone view). The pages are shells: the class island reads and
 * writes everything through the class API and its stream, which decide who may see what.
 */
@Path("/")
public class ClassPages {

    @CheckedTemplate
    static class Templates {
        /** @param examples the gallery's examples as JSON, for the island to build a challenge from */
        static native TemplateInstance start(String examples);

        static native TemplateInstance dashboard(String classId);

        static native TemplateInstance join(String code);
    }

    private final Examples examples;
    private final ObjectMapper json;

    public ClassPages(Examples examples, ObjectMapper json) {
        this.examples = examples;
        this.json = json;
    }

    @GET
    @Path("classes")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance start() {
        ArrayNode list = json.createArrayNode();
        for (var e : examples.all()) {
            list.addObject().put("slug", e.slug()).put("title", e.title()).set("graph", e.graph());
        }
        return Templates.start(list.toString());
    }

    @GET
    @Path("classes/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard(@PathParam("id") String id) {
        return Templates.dashboard(id);
    }

    @GET
    @Path("join")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance join(@QueryParam("code") String code) {
        return Templates.join(code == null || code.length() > 20 ? "" : code);
    }
}
