package com.example.tablesize;

import java.util.OptionalLong;

/**
 * The example's own service: what the host process registers with
 * {@code PegasusHttpServer.builder().service(StorageEngine.class, engine)}.
 */
public interface StorageEngine {

  /** Bytes on disk of the table, or empty when there is no such table. */
  OptionalLong bytesOf(String table);

  /**
   * Opens what the endpoint reads sizes through (in a real engine: file handles, a snapshot);
   * whoever opens it closes it.
   */
  SizeReader openSizeReader();

  /** A handle on the engine's size information that must be closed. */
  interface SizeReader extends AutoCloseable {
    OptionalLong bytesOf(String table);

    @Override
    void close();
  }
}
