package vn.doithoai.petition;

import vn.doithoai.rules.Refusal;
import vn.doithoai.rules.Ruling;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One petition driven by hand in a test: its state, a clock that moves only when told, and its
 * log. Commands go through {@link PetitionRules#decide} as the service would send them.
 */
final class PetitionScript {

    /** 08:00 in the commune (UTC+7) on Monday 1 June 2026. */
    static final Instant START = Instant.parse("2026-06-01T01:00:00Z");
    static final UUID COMMUNE = UUID.fromString("00000000-0000-0000-0000-00000000c0de");
    static final String CLERK = "clerk";

    static final Citizen HOA = new Citizen("Nguyễn Thị Hòa", "Thôn 3", "hoa@example.vn", "0912 345 678");
    static final String CONTENT = "Đường liên thôn 3 bị sạt lở sau mưa, đề nghị xã sớm sửa chữa.";

    private final List<PetitionEvent> log = new ArrayList<>();
    private Petition petition;
    private Instant now = START;

    /** A petition received now by letter, in the field "hạ tầng", for the commune. */
    static PetitionScript received() {
        var script = new PetitionScript();
        script.ok(receive(UUID.randomUUID(), HOA, CONTENT));
        return script;
    }

    static PetitionScript assigned() {
        var script = received();
        script.ok(new PetitionCommand.Assign(UUID.randomUUID(), "Phòng Kinh tế", START.atZone(Petition.ZONE).toLocalDate().plusDays(15)));
        return script;
    }

    static PetitionCommand.Receive receive(UUID id, Citizen citizen, String content) {
        return new PetitionCommand.Receive(id, COMMUNE, "KN-7QX4-M2PD", citizen, null, Channel.LETTER,
                "ha-tang", Competence.COMMUNE, content);
    }

    Ruling<PetitionEvent> run(PetitionCommand command) {
        Ruling<PetitionEvent> ruling = PetitionRules.decide(petition, command, CLERK, now);
        for (PetitionEvent event : ruling.events()) {
            petition = PetitionRules.apply(petition, event);
            log.add(event);
        }
        return ruling;
    }

    List<PetitionEvent> ok(PetitionCommand command) {
        Ruling<PetitionEvent> ruling = run(command);
        assertThat(ruling.refusal()).as("refusal of %s", command).isNull();
        return ruling.events();
    }

    Refusal refused(PetitionCommand command) {
        Petition before = petition;
        Ruling<PetitionEvent> ruling = run(command);
        assertThat(ruling.refusal()).as("refusal of %s", command).isNotNull();
        assertThat(ruling.events()).isEmpty();
        assertThat(petition).isSameAs(before);
        return ruling.refusal();
    }

    String refusedCode(PetitionCommand command) {
        return refused(command).code();
    }

    void advance(Duration duration) {
        now = now.plus(duration);
    }

    Instant now() {
        return now;
    }

    Petition petition() {
        return petition;
    }

    List<PetitionEvent> log() {
        return List.copyOf(log);
    }
}
