package vn.doithoai.offices;

import java.util.List;

/**
 * The offices a new commune starts with (the plans' responders): the administrator renames,
 * adds, retires them and names their heads.
 */
public final class DefaultOffices {

    public record Default(String name, String headTitle) {
    }

    public static final List<Default> ALL = List.of(
            new Default("Văn phòng HĐND và UBND xã", "Chánh Văn phòng"),
            new Default("Phòng Kinh tế", "Trưởng phòng"),
            new Default("Phòng Văn hóa - Xã hội", "Trưởng phòng"),
            new Default("Công an xã", "Trưởng Công an xã"),
            new Default("Ban Chỉ huy Quân sự xã", "Chỉ huy trưởng"),
            new Default("Ủy ban MTTQ Việt Nam xã", "Chủ tịch"),
            new Default("Trung tâm Phục vụ hành chính công", "Giám đốc"));

    private DefaultOffices() {
    }
}
