package dev.pegasus.http.profiler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A test workload with two distinct CPU call paths ({@link #burnAlpha}, {@link #burnBeta}) and
 * an allocator that keeps a bounded set of byte arrays alive ({@link #allocateRetained}), so
 * profiles have something recognisable to show. Daemon threads; {@link #close()} stops them.
 */
final class Workload implements AutoCloseable {

  static final int RETAINED_CHUNKS = 64;
  static final int CHUNK_BYTES = 64 * 1024;

  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;
  private volatile long sink;
  private final byte[][] retained = new byte[RETAINED_CHUNKS][];

  static Workload start() {
    Workload w = new Workload();
    w.spawn("workload-alpha", w::alphaLoop);
    w.spawn("workload-beta", w::betaLoop);
    w.spawn("workload-alloc", w::allocLoop);
    return w;
  }

  private void spawn(String name, Runnable loop) {
    Thread t = new Thread(loop, name);
    t.setDaemon(true);
    t.start();
    threads.add(t);
  }

  private void alphaLoop() {
    while (running) {
      sink += burnAlpha(200_000);
    }
  }

  private void betaLoop() {
    while (running) {
      sink += burnBeta(200_000);
    }
  }

  private void allocLoop() {
    int i = 0;
    while (running) {
      allocateRetained(i++);
      // About 1,000 chunks (64 MB) a second: plenty of samples without starving the test JVM.
      LockSupport.parkNanos(1_000_000);
    }
  }

  static long burnAlpha(int n) {
    long x = 17;
    for (int i = 0; i < n; i++) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    return x;
  }

  static long burnBeta(int n) {
    double y = 1.0;
    for (int i = 1; i < n; i++) {
      y += Math.sqrt(i) / i;
    }
    return (long) y;
  }

  void allocateRetained(int i) {
    retained[i % RETAINED_CHUNKS] = new byte[CHUNK_BYTES];
  }

  @Override
  public void close() {
    running = false;
    try {
      for (Thread t : threads) {
        t.join(5000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
