package vn.doithoai.transport;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.charset.StandardCharsets;
import org.webjars.WebJarVersionLocator;

/**
 * The browser libraries that come as WebJars, at {@code /webjars/<name>/<file>}: the pages' import
 * maps name no version, the version on the classpath is filled in here.
 */
final class WebJars {

    static final String PREFIX = "/webjars/";
    private static final int MAX_AGE_SECONDS = 3600;

    private final WebJarVersionLocator locator = new WebJarVersionLocator();

    void mount(Router router) {
        router.get(PREFIX + "*").handler(this::addVersion);
        router.get(PREFIX + "*").handler(StaticHandler.create("META-INF/resources/webjars")
                .setMaxAgeSeconds(MAX_AGE_SECONDS)
                .setDefaultContentEncoding(StandardCharsets.UTF_8.name())); // not the platform's, see WebServer
    }

    private void addVersion(RoutingContext ctx) {
        String rest = ctx.normalizedPath().substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String version = locator.version(name);
        if (slash < 0 || version == null) {
            ctx.fail(404);
        } else if (rest.startsWith(name + "/" + version + "/")) {
            ctx.next();
        } else {
            ctx.reroute(PREFIX + name + "/" + version + rest.substring(slash));
        }
    }
}
