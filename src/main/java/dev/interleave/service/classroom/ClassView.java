package dev.interleave.service.classroom;

import java.time.Instant;
import java.util.Map;

/**
 * A class session as its teacher sees it. {@code joinPath} is what students open (the QR code encodes it as an
 * absolute link on this server).
 */
public record ClassView(
        String id,
        String challengeId,
        String title,
        String joinCode,
        String joinPath,
        String phase,
        String pacing,
        int currentStep,
        int stepCount,
        boolean variants,
        double tolerancePct,
        Instant createdAt,
        Instant closedAt,
        Map<String, String> links) {

    static ClassView of(Room room) {
        var s = room.session();
        String self = "/api/v1/classes/" + s.id();
        return new ClassView(
                s.id(),
                s.challengeId(),
                room.challenge().title(),
                s.joinCode(),
                "/join?code=" + s.joinCode(),
                s.phase(),
                s.pacing(),
                s.currentStep(),
                room.challenge().steps().size(),
                s.variants(),
                s.tolerancePct(),
                s.createdAt(),
                s.closedAt(),
                Map.of(
                        "self", self,
                        "dashboard", self + "/dashboard",
                        "answers", self + "/answers",
                        "csv", self + "/answers.csv",
                        "qr", self + "/qr.svg",
                        "stream", "/ws/classes/" + s.id(),
                        "page", "/classes/" + s.id()));
    }
}
