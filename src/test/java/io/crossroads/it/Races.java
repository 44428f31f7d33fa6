package io.crossroads.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Concurrent calls released together, for the guarantees that must hold under contention. */
final class Races {

  private Races() {}

  /** Runs {@code n} calls at the same moment and returns their results. */
  static <T> List<T> race(int n, IndexedCall<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        futures.add(
            pool.submit(
                (Callable<T>)
                    () -> {
                      start.await();
                      return call.apply(index);
                    }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** One of the racing calls, told its position. */
  interface IndexedCall<T> {
    T apply(int index) throws Exception;
  }
}
