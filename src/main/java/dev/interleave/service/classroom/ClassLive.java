package dev.interleave.service.classroom;

import dev.interleave.service.ServiceException;
import dev.interleave.service.identity.Owner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;

/**
 * What a live class stream shows: the teacher's dashboard, or one student's own view, refreshed from the store at
 * every change the {@link ClassBus} reports. A student's view changes only with the class's phase or step (their
 * own answers come back in the answer's response), so students refresh on {@code PHASE} alone; the teacher on
 * every answer and join too.
 */
@ApplicationScoped
public class ClassLive {

    private final ClassAccess access;
    private final Dashboards dashboards;
    private final Seats seats;
    private final ClassBus bus;

    ClassLive(ClassAccess access, Dashboards dashboards, Seats seats, ClassBus bus) {
        this.access = access;
        this.dashboards = dashboards;
        this.seats = seats;
        this.bus = bus;
    }

    /** One follower of a class: its role, what it is shown now, and how to stop following. */
    public interface Follower {
        boolean teacher();

        /** The current frame's content: a {@link DashboardView} or a {@link StudentView}. */
        Uni<Object> current();

        /** Subscribes {@code onChange} to the changes that concern this follower; returns the unsubscribe. */
        Runnable follow(Runnable onChange);
    }

    /** The caller's follower of the class; 404 for a stranger (or no such class). */
    public Uni<Follower> follower(Owner owner, String classId) {
        return Panache.withSession(() -> access.either(owner, classId)).map(seat -> {
            if (seat == null) {
                throw new ServiceException.NotFound("class");
            }
            boolean teacher = seat.teacher();
            return new Follower() {
                @Override
                public boolean teacher() {
                    return teacher;
                }

                @Override
                public Uni<Object> current() {
                    return teacher
                            ? dashboards.dashboard(owner, classId).map(v -> (Object) v)
                            : seats.view(owner, classId).map(v -> (Object) v);
                }

                @Override
                public Runnable follow(Runnable onChange) {
                    Consumer<ClassBus.Change> listener = change -> {
                        if (teacher || change == ClassBus.Change.PHASE) {
                            onChange.run();
                        }
                    };
                    return bus.subscribe(classId, listener);
                }
            };
        });
    }
}
