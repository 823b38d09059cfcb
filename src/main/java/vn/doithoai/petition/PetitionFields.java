package vn.doithoai.petition;

import java.util.List;
import java.util.Optional;

/** The fields a new commune starts with; each commune edits its own list afterwards. */
public final class PetitionFields {

    public static final List<PetitionField> DEFAULTS = List.of(
            new PetitionField("dat-dai", "Đất đai", "Land"),
            new PetitionField("moi-truong", "Môi trường", "Environment"),
            new PetitionField("ha-tang", "Hạ tầng, giao thông", "Infrastructure and roads"),
            new PetitionField("chinh-sach-xa-hoi", "Chính sách xã hội", "Social policy"),
            new PetitionField("thu-tuc-hanh-chinh", "Thủ tục hành chính", "Administrative procedures"),
            new PetitionField("an-ninh-trat-tu", "An ninh trật tự", "Security and public order"),
            new PetitionField("tac-phong-can-bo", "Tác phong cán bộ", "Conduct of officials"),
            new PetitionField("khac", "Khác", "Other"));

    private PetitionFields() {
    }

    public static Optional<PetitionField> byCode(List<PetitionField> fields, String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
