package vn.doithoai.petition;

/** How a petition reached the commune (plan 000, II.2: letters, e-mail, the Front, the media...). */
public enum Channel {
    LETTER("Thư", "Letter"),
    EMAIL("Thư điện tử", "E-mail"),
    TELEPHONE("Điện thoại", "Telephone"),
    FRONT("Mặt trận Tổ quốc", "Fatherland Front"),
    VILLAGE("Chi bộ, họp thôn", "Village Party cell or village meeting"),
    MEDIA("Báo chí", "The media"),
    MEETING("Hội nghị", "A meeting"),
    WEB_FORM("Biểu mẫu trực tuyến", "Online form");

    public final String vi;
    public final String en;

    Channel(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }
}
