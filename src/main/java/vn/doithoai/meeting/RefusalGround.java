package vn.doithoai.meeting;

/**
 * Why the chair refuses or stops a speaker: the grounds of plan 004 section I.2, or free text.
 * The ground goes on the record.
 */
public enum RefusalGround {
    LACKS_CIVIL_CAPACITY("Không có năng lực hành vi dân sự", "Lacks civil capacity"),
    INTOXICATED("Đang trong tình trạng sử dụng rượu, bia hoặc chất kích thích", "Under the influence of alcohol or drugs"),
    BREAKS_RULES("Vi phạm nội quy, quy định đối thoại", "Breaks the rules of the meeting"),
    CASE_FINALLY_DECIDED("Khiếu kiện đã có quyết định giải quyết cuối cùng", "Complaint already finally decided"),
    OTHER("Lý do khác", "Other reason");

    public final String vi;
    public final String en;

    RefusalGround(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }
}
