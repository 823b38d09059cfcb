package vn.doithoai.transport;

/** The protocol's own errors, worded once, in Vietnamese and English. */
final class ProtocolProblems {

    private ProtocolProblems() {
    }

    static Problem tooLarge(int max) {
        return Problem.of("FRAME_TOO_LARGE", "Tin nhắn quá lớn (tối đa " + max + " ký tự)",
                "Message too large (at most " + max + " characters)");
    }

    static Problem textOnly() {
        return Problem.of("BAD_FRAME", "Chỉ nhận tin nhắn dạng văn bản JSON", "Only JSON text messages are accepted");
    }

    static Problem unknownType(String type) {
        return Problem.of("UNKNOWN_TYPE", "Loại tin nhắn không hợp lệ: '" + type + "'", "Unknown message type: '" + type + "'");
    }

    static Problem unknownCommand(String name) {
        return Problem.of("UNKNOWN_COMMAND", "Không có thao tác '" + name + "'", "Unknown command '" + name + "'");
    }

    static Problem alreadyJoined() {
        return Problem.of("ALREADY_JOINED", "Đã kết nối vào hội nghị", "Already joined a meeting");
    }

    static Problem notJoined() {
        return Problem.of("NOT_JOINED", "Chưa kết nối vào hội nghị (gửi hello trước)", "Not joined yet: send hello first");
    }

    static Problem unsupportedVersion(int version) {
        return Problem.of("UNSUPPORTED_VERSION", "Phiên bản giao thức không được hỗ trợ (máy chủ dùng " + version + ")",
                "Unsupported protocol version (the server speaks " + version + ")");
    }

    static Problem needsOneCredential() {
        return Problem.of("BAD_CREDENTIALS", "Cần đúng một trong hai: mã vai trò (token) hoặc mã tham gia (join)",
                "Give exactly one of a role token or a join code");
    }

    static Problem badCredentials() {
        return Problem.of("BAD_CREDENTIALS", "Đường dẫn hoặc mã tham gia không đúng hoặc đã hết hiệu lực",
                "The link or join code is wrong or no longer valid");
    }

    static Problem badCommandId(int max) {
        return Problem.of("BAD_COMMAND_ID", "Mỗi thao tác cần một mã (id) từ 1 đến " + max + " ký tự",
                "Each command needs an id of 1 to " + max + " characters");
    }

    static Problem unavailable() {
        return Problem.of("UNAVAILABLE", "Máy chủ tạm thời không xử lý được, vui lòng thử lại",
                "The server cannot handle this right now; please try again");
    }

    static Problem rateLimited(long seconds) {
        return Problem.of("RATE_LIMITED", "Quá nhiều lần thử từ địa chỉ này. Vui lòng thử lại sau " + seconds + " giây.",
                "Too many tries from this address. Please try again in " + seconds + " seconds.");
    }

    static Problem noHello(int seconds) {
        return Problem.of("NO_HELLO", "Không nhận được lời chào (hello) trong " + seconds + " giây; kết nối bị đóng",
                "No hello within " + seconds + " seconds; the connection is closed");
    }
}
