package vn.doithoai.transport;

import io.vertx.ext.web.Router;

/** A family of REST routes (offices, petitions, the plan...), mounted by {@link WebServer} after the staff gate. */
public interface Routes {

    void mount(Router router);
}
