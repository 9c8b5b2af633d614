package dev.interleave.service.classroom;

import dev.interleave.persistence.ClassSessionRepository;
import dev.interleave.persistence.StoredClass;
import dev.interleave.service.ServiceException;
import dev.interleave.service.identity.IdentityService;
import dev.interleave.service.identity.Ids;
import dev.interleave.service.identity.Owner;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Class sessions from the teacher's side: open one on a challenge, list and reopen past ones, and move one
 * through its {@link ClassPhase}s. Every move is a conditional UPDATE on the phase and step it starts from, so
 * two clicks (or two teachers' tabs) racing cannot both win: the loser gets 409 and the class as it now is.
 */
@ApplicationScoped
public class Classes {

    private static final SecureRandom SEEDS = new SecureRandom();

    private final ClassSessionRepository sessions;
    private final Challenges challenges;
    private final ClassAccess access;
    private final ClassBus bus;
    private final IdentityService identity;

    Classes(
            ClassSessionRepository sessions,
            Challenges challenges,
            ClassAccess access,
            ClassBus bus,
            IdentityService identity) {
        this.sessions = sessions;
        this.challenges = challenges;
        this.access = access;
        this.bus = bus;
        this.identity = identity;
    }

    public Uni<ClassView> open(Owner owner, NewClass request) {
        Pacing pacing = request.pacing() == null ? Pacing.TEACHER : Pacing.of(request.pacing());
        if (pacing == null) {
            return Uni.createFrom()
                    .failure(Challenges.invalid("/pacing", "unknown-pacing", "pacing is teacher or self"));
        }
        double tolerance = request.tolerancePct() == null ? 10 : request.tolerancePct();
        if (!(tolerance >= 0 && tolerance <= 100)) {
            return Uni.createFrom()
                    .failure(Challenges.invalid(
                            "/tolerancePct", "tolerance-out-of-range", "tolerancePct is from 0 to 100"));
        }
        return challenges
                .get(owner, request.challengeId())
                .chain(challenge -> Panache.withTransaction(() -> freeCode().chain(code -> {
                    var s = new StoredClass.Session(
                            Ids.id(),
                            challenge.id(),
                            owner.id(),
                            code,
                            ClassPhase.ANSWERING.wireName(),
                            pacing.wireName(),
                            0,
                            Boolean.TRUE.equals(request.variants()),
                            SEEDS.nextLong(),
                            tolerance,
                            Instant.now().truncatedTo(ChronoUnit.MICROS),
                            null);
                    return identity.ensure(owner.id())
                            .chain(() -> sessions.save(s))
                            .chain(() -> challenges.byId(challenge.id()))
                            .map(c -> ClassView.of(new Room(s, c)));
                })));
    }

    /** The teacher's classes, newest first (open and past). */
    public Uni<List<ClassView>> list(Owner owner, int page, int size) {
        return Panache.withSession(() -> sessions.listOwned(owner.id(), page, size)
                .chain(list -> {
                    Uni<List<ClassView>> views = Uni.createFrom().item(new java.util.ArrayList<>());
                    for (var s : list) {
                        views = views.chain(done -> challenges
                                .byId(s.challengeId())
                                .map(c -> {
                                    done.add(ClassView.of(new Room(s, c)));
                                    return done;
                                }));
                    }
                    return views;
                }));
    }

    public Uni<ClassView> get(Owner owner, String id) {
        return Panache.withSession(() -> access.asTeacher(owner, id)).map(ClassView::of);
    }

    /** Teacher-paced only: shows the truth of the current step to the room; answers to it are closed. */
    public Uni<ClassView> reveal(Owner owner, String id) {
        return move(owner, id, room -> {
            if (room.pacing() == Pacing.SELF) {
                throw new ServiceException.Refused(
                        409,
                        "self-paced",
                        "The class is self-paced",
                        "in a self-paced class each student sees the truth after answering");
            }
            return new Target(ClassPhase.REVEALED, room.session().currentStep(), null);
        });
    }

    /** Opens the next step for answers (teacher-paced: after its reveal; self-paced: moves the dashboard's step). */
    public Uni<ClassView> advance(Owner owner, String id) {
        return move(owner, id, room -> {
            int next = room.session().currentStep() + 1;
            if (next >= room.challenge().steps().size()) {
                throw new ServiceException.Refused(
                        409, "last-step", "No next step", "this was the last step; close the class");
            }
            if (room.pacing() == Pacing.TEACHER && room.phase() != ClassPhase.REVEALED) {
                throw new ServiceException.Refused(
                        409, "not-revealed", "Reveal first", "reveal this step before opening the next");
            }
            return new Target(ClassPhase.ANSWERING, next, null);
        });
    }

    public Uni<ClassView> close(Owner owner, String id) {
        return move(
                owner, id, room -> new Target(ClassPhase.CLOSED, room.session().currentStep(), null));
    }

    /** A past class again: a fresh code; teacher-paced it resumes revealed at its step, self-paced answering. */
    public Uni<ClassView> reopen(Owner owner, String id) {
        return Panache.withTransaction(() -> freeCode()
                        .chain(code -> moveIn(owner, id, true, room -> {
                            if (room.phase() != ClassPhase.CLOSED) {
                                throw new ServiceException.Refused(
                                        409, "class-open", "The class is open", "only a closed class can be reopened");
                            }
                            var next = room.pacing() == Pacing.SELF ? ClassPhase.ANSWERING : ClassPhase.REVEALED;
                            return new Target(next, room.session().currentStep(), code);
                        })))
                .invoke(() -> bus.changed(id, ClassBus.Change.PHASE));
    }

    private record Target(ClassPhase phase, int step, String newCode) {}

    /** Listeners hear of the move after its transaction committed, so what they re-read is the new state. */
    private Uni<ClassView> move(Owner owner, String id, Function<Room, Target> target) {
        return Panache.withTransaction(() -> moveIn(owner, id, false, target))
                .invoke(() -> bus.changed(id, ClassBus.Change.PHASE));
    }

    private Uni<ClassView> moveIn(Owner owner, String id, boolean reopen, Function<Room, Target> target) {
        return access.asTeacher(owner, id).chain(room -> {
            var now = room.phase();
            if (now == ClassPhase.CLOSED && !reopen) {
                throw Seats.closed();
            }
            var t = target.apply(room);
            if (!now.canBecome(t.phase())) {
                throw new ServiceException.Refused(
                        409,
                        "class-state",
                        "Not possible now",
                        "a class that is " + now.wireName() + " cannot become "
                                + t.phase().wireName());
            }
            Instant closedAt = t.phase() == ClassPhase.CLOSED ? Instant.now().truncatedTo(ChronoUnit.MICROS) : null;
            return sessions.move(
                            id,
                            List.of(now.wireName()),
                            room.session().currentStep(),
                            t.phase().wireName(),
                            t.step(),
                            t.newCode(),
                            closedAt)
                    .map(moved -> {
                        if (!moved) {
                            throw new ServiceException.Refused(
                                    409,
                                    "class-state",
                                    "The class just changed",
                                    "someone else moved the class at the same moment; reload it");
                        }
                        // Built from what was written: a bulk UPDATE does not refresh the session's entity.
                        var was = room.session();
                        return new StoredClass.Session(
                                was.id(),
                                was.challengeId(),
                                was.ownerId(),
                                t.newCode() == null ? was.joinCode() : t.newCode(),
                                t.phase().wireName(),
                                was.pacing(),
                                t.step(),
                                was.variants(),
                                was.variantSeed(),
                                was.tolerancePct(),
                                was.createdAt(),
                                closedAt);
                    })
                    .map(s -> ClassView.of(new Room(s, room.challenge())));
        });
    }

    /** A code no open class has (collisions are about live classes / 887 million; the index is the backstop). */
    private Uni<String> freeCode() {
        String code = JoinCode.random();
        return sessions.findLiveByCode(code)
                .chain(taken -> taken == null ? Uni.createFrom().item(code) : freeCode());
    }
}
