package vn.doithoai.transport;

import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;

/**
 * The address a request comes from, for the rate limits. Behind a proxy on this machine (the TLS
 * proxy the README suggests), every connection comes from loopback: the client is then the last
 * address that proxy added to X-Forwarded-For. The header is believed only from loopback, where a
 * stranger cannot send it. Loopback without it is this machine itself (the load benchmark, a
 * monitor): null, which no limit counts.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(SocketAddress peer, MultiMap headers) {
        String direct = peer == null || peer.hostAddress() == null ? "?" : peer.hostAddress();
        if (!isLoopback(direct)) {
            return direct;
        }
        String forwarded = headers.get("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return null;
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("0:0:0:0:0:0:0:1") || address.equals("::1");
    }
}
