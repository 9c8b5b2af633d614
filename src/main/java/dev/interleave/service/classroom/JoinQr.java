package dev.interleave.service.classroom;

import io.nayuki.qrcodegen.QrCode;

/** The QR code of a join link as SVG, drawn here (io.nayuki:qrcodegen), so no outside service sees the link. */
public final class JoinQr {

    private static final int QUIET_ZONE = 4;

    private JoinQr() {}

    /** One path of dark modules on a white square, medium error correction (about 15 % may be damaged). */
    public static String svg(String link) {
        var qr = QrCode.encodeText(link, QrCode.Ecc.MEDIUM);
        int size = qr.size + 2 * QUIET_ZONE;
        var path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M')
                            .append(x + QUIET_ZONE)
                            .append(',')
                            .append(y + QUIET_ZONE)
                            .append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"QR code of the join link\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
