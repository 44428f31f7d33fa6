package io.crossroads.platform.jobs;

import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a timer alive whatever one of its runs throws. The container drops a timer whose callback
 * fails twice in a row (Payara logs "Expunging timer … after [2] failed deliveries"), so a database
 * outage of ten seconds would otherwise stop the outbox or a scheduled job until the next restart.
 * A failed run is logged, with its cause at most once a minute per timer, and the next run comes as
 * scheduled. Every class with a {@code @Schedule} or {@code @Timeout} method that repeats names
 * this in its {@code @Interceptors}.
 */
public class TimersKeepRunning {

  private static final Logger LOG = Logger.getLogger(TimersKeepRunning.class.getName());

  /** When each timer's failure was last logged with its cause (nanoTime). */
  private static final Map<String, Long> lastLogged = new ConcurrentHashMap<>();

  @AroundTimeout
  Object run(InvocationContext invocation) {
    try {
      return invocation.proceed();
    } catch (Exception failed) {
      String timer =
          invocation.getMethod().getDeclaringClass().getSimpleName()
              + "."
              + invocation.getMethod().getName();
      long now = System.nanoTime();
      Long last = lastLogged.get(timer);
      if (last == null || now - last >= TimeUnit.MINUTES.toNanos(1)) {
        lastLogged.put(timer, now);
        LOG.log(Level.WARNING, timer + " failed; it runs again as scheduled", failed);
      } else {
        LOG.log(Level.WARNING, timer + " failed again: " + failed);
      }
      return null;
    }
  }
}
