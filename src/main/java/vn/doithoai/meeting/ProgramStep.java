package vn.doithoai.meeting;

import java.util.List;

/** One step of the meeting's program, named in Vietnamese and in English. */
public record ProgramStep(String vi, String en) {

    /** The four steps of a direct dialogue, plan 004 section II.3. */
    public static final List<ProgramStep> DIRECT_DIALOGUE = List.of(
            new ProgramStep(
                    "Đại diện Ủy ban MTTQ tuyên bố lý do, giới thiệu đại biểu, thông qua chương trình, nội quy, cử thư ký",
                    "Fatherland Front: reason for the meeting, delegates, program and rules, secretary appointed"),
            new ProgramStep(
                    "Người đứng đầu cấp ủy, chính quyền thông báo nội dung, mục đích, yêu cầu của buổi đối thoại",
                    "The leaders report and state the purpose of the dialogue"),
            new ProgramStep(
                    "Nhân dân phát biểu ý kiến, thảo luận theo thứ tự, nội dung, thời gian đã đăng ký",
                    "Citizens speak in the registered order, on the registered content and time"),
            new ProgramStep(
                    "Người đứng đầu cấp ủy, chính quyền trao đổi, giải thích, tiếp thu ý kiến và kết luận",
                    "The leaders exchange, explain, accept the petitions and conclude"));
}
