package dev.pegasus.http.meta.zookeeper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies what is written to {@code System.err} (where slf4j-simple logs in the tests) while open,
 * so that a test can check what its code logged; the output still reaches the real stream.
 */
final class StderrCapture implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

  StderrCapture() {
    PrintStream tee =
        new PrintStream(
            new java.io.OutputStream() {
              @Override
              public synchronized void write(int b) {
                copy.write(b);
                original.write(b);
              }

              @Override
              public synchronized void write(byte[] b, int off, int len) {
                copy.write(b, off, len);
                original.write(b, off, len);
              }
            },
            true,
            StandardCharsets.UTF_8);
    System.setErr(tee);
  }

  /** Everything captured so far. */
  String text() {
    synchronized (copy) {
      return copy.toString(StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    System.setErr(original);
  }
}
