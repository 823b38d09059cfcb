package vn.doithoai.petition;

import vn.doithoai.rules.Fields;
import vn.doithoai.rules.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.doithoai.petition.PetitionScript.COMMUNE;
import static vn.doithoai.petition.PetitionScript.CONTENT;
import static vn.doithoai.petition.PetitionScript.HOA;
import static vn.doithoai.petition.PetitionScript.START;

class ReceiveTest {

    private static PetitionCommand.Receive receive(Citizen citizen, String content) {
        return PetitionScript.receive(UUID.randomUUID(), citizen, content);
    }

    private static Refusal refusedOnReceipt(PetitionCommand.Receive command) {
        return new PetitionScript().refused(command);
    }

    @Test
    void aReceivedPetitionHoldsEverythingTheDeskEnteredWithStatusReceived() {
        UUID id = UUID.randomUUID();
        var script = new PetitionScript();
        script.ok(PetitionScript.receive(id, HOA, CONTENT));

        Petition p = script.petition();
        assertThat(p.id()).isEqualTo(id);
        assertThat(p.communeId()).isEqualTo(COMMUNE);
        assertThat(p.trackingCode()).isEqualTo("KN-7QX4-M2PD");
        assertThat(p.citizen()).isEqualTo(HOA);
        assertThat(p.receivedAt()).isEqualTo(START);
        assertThat(p.receivedOn()).hasToString("2026-06-01");
        assertThat(p.classification()).isEqualTo(new Classification(Channel.LETTER, "ha-tang", Competence.COMMUNE));
        assertThat(p.content()).isEqualTo(CONTENT);
        assertThat(p.status()).isEqualTo(PetitionStatus.RECEIVED);
        assertThat(p.sensitive()).isFalse();
        assertThat(p.assignment()).isNull();
        assertThat(p.answer()).isNull();
        assertThat(p.grouped()).isFalse();
    }

    @Test
    void theTextsAreCleanedToNfcOneLineAndNoInvisibleCharacters() {
        String decomposedHoa = "Ho\u0300a";
        var typed = new Citizen("  Lê Văn " + decomposedHoa + "\u200B ", " Thôn\u00A0 3 ", " a@b.vn ", " 0912.345.678 ");
        var script = new PetitionScript();
        script.ok(new PetitionCommand.Receive(UUID.randomUUID(), COMMUNE, "kn 7qx4 m2pd", typed, null,
                Channel.TELEPHONE, " dat-dai ", null, "\r\n  Dòng một\r\nDòng hai  \n"));

        Petition p = script.petition();
        assertThat(p.citizen()).isEqualTo(new Citizen("Lê Văn Hòa", "Thôn 3", "a@b.vn", "0912.345.678"));
        assertThat(p.content()).isEqualTo("Dòng một\nDòng hai");
        assertThat(p.trackingCode()).isEqualTo("KN-7QX4-M2PD");
        assertThat(p.classification().fieldCode()).isEqualTo("dat-dai");
    }

    @Test
    void aPetitionMaySpeakForAVillageWithoutAName() {
        var script = new PetitionScript();
        script.ok(receive(new Citizen(null, "Cử tri thôn Đông", null, null), CONTENT));
        assertThat(script.petition().citizen().name()).isNull();
    }

    @Test
    void theCompetenceMayWaitForSomeoneToJudgeIt() {
        var script = new PetitionScript();
        script.ok(new PetitionCommand.Receive(UUID.randomUUID(), COMMUNE, "KN-7QX4-M2PD", HOA, null,
                Channel.WEB_FORM, "khac", null, CONTENT));
        assertThat(script.petition().classification().competence()).isNull();
    }

    @Test
    void aLetterMayBeEnteredDaysAfterItCameButNotBeforeItCame() {
        var script = new PetitionScript();
        Instant letterCame = START.minus(Duration.ofDays(3));
        script.ok(new PetitionCommand.Receive(UUID.randomUUID(), COMMUNE, "KN-7QX4-M2PD", HOA, letterCame,
                Channel.LETTER, "khac", Competence.COMMUNE, CONTENT));
        assertThat(script.petition().receivedAt()).isEqualTo(letterCame);

        Refusal future = refusedOnReceipt(new PetitionCommand.Receive(UUID.randomUUID(), COMMUNE, "KN-7QX4-M2PD",
                HOA, START.plusSeconds(60), Channel.LETTER, "khac", Competence.COMMUNE, CONTENT));
        assertThat(future.code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(future.vi()).isEqualTo("Thời điểm tiếp nhận không thể ở tương lai");
    }

    @Test
    void theVillageOrOrganisationIsRequired() {
        Refusal refusal = refusedOnReceipt(receive(new Citizen("Hòa", "   ", null, null), CONTENT));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_MISSING);
        assertThat(refusal.vi()).isEqualTo("Chưa nhập: Thôn, làng hoặc tổ chức");
        assertThat(refusal.en()).isEqualTo("Missing: Village or organisation");
    }

    @Test
    void aMissingCitizenIsRefusedForWantOfAVillage() {
        assertThat(refusedOnReceipt(receive(null, CONTENT)).code()).isEqualTo(Refusal.FIELD_MISSING);
    }

    @Test
    void theContentIsRequiredAndAtMostTheLongTextLimit() {
        assertThat(refusedOnReceipt(receive(HOA, " \n ")).en()).isEqualTo("Missing: Text");
        assertThat(new PetitionScript().ok(receive(HOA, "đ".repeat(Fields.LONG_TEXT)))).hasSize(1);

        Refusal tooLong = refusedOnReceipt(receive(HOA, "đ".repeat(Fields.LONG_TEXT + 1)));
        assertThat(tooLong.code()).isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(tooLong.vi()).isEqualTo("Nội dung quá dài (tối đa 5000 ký tự)");
    }

    @Test
    void aNameLongerThanTheNameLimitIsRefused() {
        Refusal refusal = refusedOnReceipt(receive(new Citizen("Ư".repeat(Fields.NAME + 1), "Thôn 3", null, null), CONTENT));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_TOO_LONG);
        assertThat(refusal.en()).startsWith("Name is too long");
    }

    @Test
    void anEmailMustLookLikeOne() {
        for (String wrong : new String[] {"hoa", "hoa@", "@example.vn", "hoa@example", "hoa ha@example.vn", "a@b@c.vn", "hoa@.vn"}) {
            Refusal refusal = refusedOnReceipt(receive(new Citizen("Hòa", "Thôn 3", wrong, null), CONTENT));
            assertThat(refusal.code()).as(wrong).isEqualTo(Refusal.FIELD_INVALID);
            assertThat(refusal.en()).startsWith("The e-mail address does not look like one");
        }
        assertThat(new PetitionScript().ok(receive(new Citizen("Hòa", "Thôn 3", "hòa.nguyen@xã.vn", null), CONTENT))).hasSize(1);
    }

    @Test
    void aPhoneWithLettersIsRefused() {
        Refusal refusal = refusedOnReceipt(receive(new Citizen("Hòa", "Thôn 3", null, "09ab"), CONTENT));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(refusal.vi()).isEqualTo("Số điện thoại chỉ gồm chữ số");
    }

    @Test
    void aTrackingCodeOfTheWrongShapeIsRefused() {
        Refusal refusal = refusedOnReceipt(new PetitionCommand.Receive(UUID.randomUUID(), COMMUNE, "KN-0000-1111",
                HOA, null, Channel.LETTER, "khac", Competence.COMMUNE, CONTENT));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_INVALID);
        assertThat(refusal.en()).isEqualTo("The tracking code is not of the shape KN-XXXX-XXXX");
    }

    @Test
    void theChannelAndAFieldCodeOfTheListsShapeAreRequired() {
        Refusal noChannel = refusedOnReceipt(new PetitionCommand.Receive(UUID.randomUUID(), COMMUNE, "KN-7QX4-M2PD",
                HOA, null, null, "khac", Competence.COMMUNE, CONTENT));
        assertThat(noChannel.vi()).isEqualTo("Chưa nhập: Kênh tiếp nhận");

        Refusal noField = refusedOnReceipt(new PetitionCommand.Receive(UUID.randomUUID(), COMMUNE, "KN-7QX4-M2PD",
                HOA, null, Channel.LETTER, " ", Competence.COMMUNE, CONTENT));
        assertThat(noField.en()).isEqualTo("Missing: Field");

        Refusal label = refusedOnReceipt(new PetitionCommand.Receive(UUID.randomUUID(), COMMUNE, "KN-7QX4-M2PD",
                HOA, null, Channel.LETTER, "Đất đai", Competence.COMMUNE, CONTENT));
        assertThat(label.code()).isEqualTo(Refusal.FIELD_INVALID);
    }

    @Test
    void thePetitionsAndTheCommunesIdsAreRequired() {
        Refusal refusal = refusedOnReceipt(new PetitionCommand.Receive(null, COMMUNE, "KN-7QX4-M2PD", HOA, null,
                Channel.LETTER, "khac", Competence.COMMUNE, CONTENT));
        assertThat(refusal.code()).isEqualTo(Refusal.FIELD_MISSING);
    }

    @Test
    void aPetitionIsReceivedOnlyOnce() {
        var script = PetitionScript.received();
        Refusal again = script.refused(PetitionScript.receive(script.petition().id(), HOA, CONTENT));
        assertThat(again.code()).isEqualTo(Refusal.WRONG_STATE);
        assertThat(again.en()).isEqualTo("The petition has been received already");
    }

    @Test
    void anyOtherCommandForAPetitionNotReceivedIsNotFound() {
        var script = new PetitionScript();
        assertThat(script.refusedCode(new PetitionCommand.MarkSensitive())).isEqualTo(Refusal.NOT_FOUND);
    }

    @Test
    void aCommandFromNobodyIsRefused() {
        var refusal = PetitionRules.decide(null, receive(HOA, CONTENT), " ", START).refusal();
        assertThat(refusal.code()).isEqualTo(Refusal.WRONG_ROLE);
        assertThat(PetitionRules.decide(null, receive(HOA, CONTENT), null, START).accepted()).isFalse();
    }
}
