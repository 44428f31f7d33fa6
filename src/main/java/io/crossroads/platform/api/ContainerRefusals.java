package io.crossroads.platform.api;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;

/**
 * Payara refuses two kinds of request on its own, before any application code, with an empty 400: a
 * path the servlet container will not map (a backslash, a NUL, an encoded slash, a malformed escape
 * or a step above the root) and a GET or DELETE that carries a body. So that these too are answered
 * with a problem, each of the server's HTTP listeners is set up when the application starts: a path
 * it would refuse is handed to {@link ErrorServlet} instead, and a body is passed on whatever the
 * method, for {@link BodilessMethods} to refuse.
 *
 * <p>The listeners are Payara's own objects, reached through its service locator by name; where
 * they cannot be found the container keeps its empty answers and a warning says so. A request it
 * cannot read as HTTP at all (a request line or headers beyond its limits) is still answered by it
 * alone.
 */
@WebListener
public class ContainerRefusals implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(ContainerRefusals.class.getName());

  private final List<HttpServerFilter> codecs = new ArrayList<>();
  private final List<org.glassfish.grizzly.http.server.HttpServerFilter> servers =
      new ArrayList<>();
  private Probe probe;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    probe = new Probe(event.getServletContext().getContextPath() + ErrorServlet.UNREADABLE_PATH);
    try {
      codecs.addAll(filters(HttpServerFilter.class));
      servers.addAll(filters(org.glassfish.grizzly.http.server.HttpServerFilter.class));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.log(
          Level.WARNING,
          "The HTTP listeners were not found: the container answers some"
              + " malformed requests with an empty 400.",
          e);
      return;
    }
    // HTTP/1.1 decides here whether a GET may have a body; HTTP/2 passes it on anyway.
    codecs.forEach(codec -> codec.setAllowPayloadForUndefinedHttpMethods(true));
    // Each request, whichever the HTTP version, is announced here before it is served.
    servers.forEach(server -> server.getMonitoringConfig().addProbes(probe));
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    servers.forEach(server -> server.getMonitoringConfig().removeProbes(probe));
    codecs.forEach(codec -> codec.setAllowPayloadForUndefinedHttpMethods(false));
    servers.clear();
    codecs.clear();
  }

  /**
   * Whether the servlet container would refuse this path (as sent, before decoding) without mapping
   * it: a malformed or incomplete escape, an encoded slash, a backslash or NUL (sent or encoded), a
   * path that does not start with a slash, or a {@code ..} that climbs above the root.
   */
  static boolean unreadable(String path) {
    if (path == null || !path.startsWith("/")) {
      return true;
    }
    StringBuilder decoded = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%') {
        if (i + 2 >= path.length()) {
          return true;
        }
        int high = Character.digit(path.charAt(i + 1), 16);
        int low = Character.digit(path.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return true;
        }
        c = (char) (high * 16 + low);
        if (c == '/') {
          return true;
        }
        i += 2;
      }
      if (c == '\\' || c == '\0') {
        return true;
      }
      decoded.append(c);
    }
    int depth = 0;
    for (String segment : decoded.toString().split("/", -1)) {
      if (segment.equals("..")) {
        if (--depth < 0) {
          return true;
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    return false;
  }

  /** The filters of this type in every HTTP listener Payara runs. */
  private static <T> List<T> filters(Class<T> type) throws ReflectiveOperationException {
    Object locator =
        Class.forName("org.glassfish.internal.api.Globals")
            .getMethod("getDefaultHabitat")
            .invoke(null);
    Class<?> serviceType = Class.forName("com.sun.enterprise.v3.services.impl.GrizzlyService");
    Class<?> configType = Class.forName("org.glassfish.grizzly.config.dom.NetworkListener");
    Class<?> listenerType = Class.forName("org.glassfish.grizzly.config.GenericGrizzlyListener");
    Class<?> locatorType = Class.forName("org.glassfish.hk2.api.ServiceLocator");
    Object service =
        locatorType
            .getMethod("getService", Class.class, Annotation[].class)
            .invoke(locator, serviceType, new Annotation[0]);
    List<?> configs =
        (List<?>)
            locatorType
                .getMethod("getAllServices", Class.class, Annotation[].class)
                .invoke(locator, configType, new Annotation[0]);
    Method lookup = serviceType.getMethod("lookupNetworkProxy", configType);
    Method getFilters = listenerType.getMethod("getFilters", Class.class);
    List<T> found = new ArrayList<>();
    for (Object config : configs) {
      Object proxy = lookup.invoke(service, config);
      if (proxy == null) {
        continue;
      }
      Object listener = proxy.getClass().getMethod("getUnderlyingListener").invoke(proxy);
      if (listenerType.isInstance(listener)) {
        for (Object filter : (List<?>) getFilters.invoke(listener, type)) {
          found.add(type.cast(filter));
        }
      }
    }
    if (found.isEmpty()) {
      throw new IllegalStateException(
          "No " + type.getName() + " in " + configs.size() + " network listeners");
    }
    return found;
  }

  /** Sends a request whose path the container would refuse to the problem that says so. */
  private static final class Probe extends HttpServerProbe.Adapter {

    private final String target;

    Probe(String target) {
      this.target = target;
    }

    @Override
    public void onRequestReceiveEvent(
        org.glassfish.grizzly.http.server.HttpServerFilter filter,
        Connection connection,
        Request request) {
      HttpRequestPacket packet = request.getRequest();
      if (unreadable(packet.getRequestURI())) {
        packet.setRequestURI(target);
        packet.setQueryString(null);
      }
    }
  }
}
