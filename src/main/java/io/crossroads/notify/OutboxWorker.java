package io.crossroads.notify;

import io.crossroads.platform.jobs.TimersKeepRunning;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

/**
 * Drains the outbox every few seconds on every instance; the outbox's leases divide the work, so
 * this needs no claim of its own.
 */
@Interceptors(TimersKeepRunning.class)
@Singleton
public class OutboxWorker {

  @Inject Outbox outbox;

  @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void drain() {
    while (outbox.drain() == Outbox.BATCH) {
      // a full batch: more may be waiting
    }
  }
}
