package dev.interleave.service.classroom;

import dev.interleave.persistence.StoredClass;

/** A class session with its challenge, as one request reads them. */
record Room(StoredClass.Session session, Challenge challenge) {

    ClassPhase phase() {
        return ClassPhase.of(session.phase());
    }

    Pacing pacing() {
        return Pacing.of(session.pacing());
    }

    boolean teacherIs(String ownerId) {
        return session.ownerId().equals(ownerId);
    }
}
