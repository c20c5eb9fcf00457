package com.example.tablesize;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A storage engine in memory: tables the test puts, and a count of readers open. */
final class FakeStorageEngine implements StorageEngine {
  private final Map<String, Long> bytes = new ConcurrentHashMap<>();
  private final AtomicInteger openReaders = new AtomicInteger();

  void put(String table, long size) { bytes.put(table, size); }

  void reset() { bytes.clear(); }

  int openReaders() { return openReaders.get(); }

  @Override
  public OptionalLong bytesOf(String table) {
    Long size = bytes.get(table);
    return size == null ? OptionalLong.empty() : OptionalLong.of(size);
  }

  @Override
  public SizeReader openSizeReader() {
    openReaders.incrementAndGet();
    return new SizeReader() {
      private boolean closed;

      @Override
      public OptionalLong bytesOf(String table) {
        if (closed) {
          throw new IllegalStateException("reader closed");
        }
        return FakeStorageEngine.this.bytesOf(table);
      }

      @Override
      public synchronized void close() {
        if (!closed) {
          closed = true;
          openReaders.decrementAndGet();
        }
      }
    };
  }
}
