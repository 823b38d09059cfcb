package vn.doithoai.transport;

import io.nayuki.qrcodegen.QrCode;
import io.vertx.ext.web.RoutingContext;
import vn.doithoai.access.Secrets;

import java.util.regex.Pattern;

/**
 * {@code GET /qr/{joinCode}.svg}: the QR code a phone scans to join, drawn as SVG on the server so
 * that no page needs a QR library. It encodes {@code <publicUrl>/j/<code>}. After the close the
 * hall shows {@code GET /qr/notice/{joinCode}.svg}, the code of the public notice of conclusions
 * ({@code <publicUrl>/thong-bao/<code>}).
 */
final class JoinQrCode {

    static final String PATH = "/qr/:file";
    static final String NOTICE_PATH = "/qr/notice/:file";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,12}");
    private static final int QUIET_ZONE = 4;

    /** The address the code leads to, without the join code at its end. */
    private final String target;

    /** {@code path}: the page's path before the join code, e.g. {@code /j/}. */
    JoinQrCode(String publicUrl, String path) {
        this.target = publicUrl + path;
    }

    void handle(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        String code = file.endsWith(".svg") ? Secrets.normalizeJoinCode(file.substring(0, file.length() - 4)) : "";
        if (!CODE.matcher(code).matches()) {
            Problem.notFound("mã QR này", "QR code").send(ctx, 404);
            return;
        }
        ctx.response().putHeader("content-type", "image/svg+xml; charset=utf-8")
                .putHeader("cache-control", "public, max-age=86400")
                .end(svg(QrCode.encodeText(target + code, QrCode.Ecc.MEDIUM)));
    }

    /**
     * One path, a rectangle per run of dark modules in a row; crisp at any size. Runs, not squares:
     * a page of two hundred invitations carries two hundred of these.
     */
    static String svg(QrCode qr) {
        int size = qr.size + 2 * QUIET_ZONE;
        var path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int run = 1;
                while (x + run < qr.size && qr.getModule(x + run, y)) {
                    run++;
                }
                path.append('M').append(x + QUIET_ZONE).append(',').append(y + QUIET_ZONE)
                        .append('h').append(run).append("v1h-").append(run).append('z');
                x += run;
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
