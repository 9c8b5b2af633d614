package dev.interleave.stream;

import dev.interleave.service.classroom.ClassLive;
import dev.interleave.service.view.RunViews;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /ws/classes/{id}}: the teacher gets a {@code dashboard} frame at once and after every change; a student
 * gets a {@code student} frame (their own view only) at once and whenever the class moves (reveal, next step,
 * close); anyone else an error frame and a close. The stream stays open until the client leaves.
 */
@WebSocket(path = "/ws/classes/{id}")
public class ClassSocket {

    private final ClassLive live;
    private final StreamAccess access;
    private final RunViews json;
    private final Map<String, Runnable> unsubscribe = new ConcurrentHashMap<>();

    ClassSocket(ClassLive live, StreamAccess access, RunViews json) {
        this.live = live;
        this.access = access;
        this.json = json;
    }

    @OnOpen
    @NonBlocking
    public void open(WebSocketConnection connection) {
        String id = connection.pathParam("id");
        Context context = Vertx.currentContext();
        access.open(
                connection,
                (owner, share) -> live.follower(owner, id).chain(follower -> {
                    var refresher = new ClassRefresh(context, () -> send(connection, follower));
                    var stop = follower.follow(refresher::changed);
                    unsubscribe.put(connection.id(), stop);
                    if (connection.isClosed()) {
                        close(connection);
                    }
                    return send(connection, follower);
                }));
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        access.closed(connection);
        var stop = unsubscribe.remove(connection.id());
        if (stop != null) {
            stop.run();
        }
    }

    private Uni<Void> send(WebSocketConnection connection, ClassLive.Follower follower) {
        if (connection.isClosed()) {
            return Uni.createFrom().voidItem();
        }
        return follower.current().chain(view -> {
            var frame = new LinkedHashMap<String, Object>();
            frame.put("frame", follower.teacher() ? "dashboard" : "student");
            frame.put(follower.teacher() ? "dashboard" : "student", view);
            return connection.sendText(json.write(frame));
        });
    }
}
