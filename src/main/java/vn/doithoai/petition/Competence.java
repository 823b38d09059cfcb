package vn.doithoai.petition;

/** Who may settle a petition: it decides whether the commune answers, transfers or declines it. */
public enum Competence {
    COMMUNE("Thuộc thẩm quyền xã", "Within the commune's competence"),
    UPPER_LEVEL("Thuộc thẩm quyền cấp trên", "For an upper level"),
    FINALLY_DECIDED("Đã được giải quyết dứt điểm", "Already finally decided");

    public final String vi;
    public final String en;

    Competence(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }
}
