package dev.pegasus.http.core.internal;

/**
 * A strict decoder of the chunked transfer coding (RFC 9112 §7.1), fed the raw bytes of the
 * connection. Written by hand because Undertow's own decoder is lenient where smuggling lives: it
 * takes bare LF as a line end, skips anything after the size up to the next LF, reads an empty
 * size line as the last chunk and does not check the CRLF after the data. Here each of those is a
 * {@link MalformedChunkException}: sizes are 1 to 15 hex digits, an extension starts with {@code ;},
 * every line ends in CRLF, data is followed by exactly CRLF, trailer lines are bounded and may not
 * contain control characters.
 *
 * <p>Not thread-safe; one decoder per request.
 */
final class ChunkedDecoder {

  /** Receives the decoded data. */
  interface Sink {
    void accept(byte[] bytes, int offset, int length);
  }

  /** A framing error; the message says what was wrong and where. */
  static final class MalformedChunkException extends Exception {
    MalformedChunkException(String message) {
      super(message);
    }
  }

  private static final int MAX_SIZE_DIGITS = 15;
  private static final int MAX_LINE_BYTES = 4096;
  private static final int MAX_TRAILER_BYTES = 16 * 1024;

  private enum State {
    SIZE,
    EXTENSION,
    SIZE_LF,
    DATA,
    DATA_CR,
    DATA_LF,
    TRAILER_START,
    TRAILER_LINE,
    TRAILER_LF,
    FINAL_LF,
    DONE
  }

  private State state = State.SIZE;
  private long remaining;
  private int digits;
  private int lineBytes;
  private int trailerBytes;
  private long decoded;
  private boolean extensionStart;

  /**
   * Decodes {@code length} bytes from {@code offset}; returns how many of them belonged to the
   * body (the rest follow it on the connection and are not ours to read).
   */
  int feed(byte[] in, int offset, int length, Sink sink) throws MalformedChunkException {
    int i = offset;
    int end = offset + length;
    while (i < end && state != State.DONE) {
      if (state == State.DATA) {
        int n = (int) Math.min(remaining, end - i);
        sink.accept(in, i, n);
        i += n;
        remaining -= n;
        decoded += n;
        if (remaining == 0) {
          state = State.DATA_CR;
        }
        continue;
      }
      step(in[i++]);
    }
    return i - offset;
  }

  /** True once the last chunk, the trailers and the final CRLF have been read. */
  boolean isDone() {
    return state == State.DONE;
  }

  /** Bytes of data decoded so far. */
  long decodedBytes() {
    return decoded;
  }

  private void step(byte b) throws MalformedChunkException {
    switch (state) {
      case SIZE -> size(b);
      case EXTENSION -> extension(b);
      case SIZE_LF -> {
        expectLf(b, "after the chunk size");
        if (remaining == 0) {
          state = State.TRAILER_START;
        } else {
          state = State.DATA;
        }
      }
      case DATA_CR -> {
        if (b != '\r') {
          throw new MalformedChunkException(
              "chunk data is longer than its size, or not followed by CRLF");
        }
        state = State.DATA_LF;
      }
      case DATA_LF -> {
        expectLf(b, "after the chunk data");
        startLine(State.SIZE);
      }
      case TRAILER_START -> {
        if (b == '\r') {
          state = State.FINAL_LF;
        } else {
          trailer(b);
          state = State.TRAILER_LINE;
        }
      }
      case TRAILER_LINE -> {
        if (b == '\r') {
          state = State.TRAILER_LF;
        } else {
          trailer(b);
        }
      }
      case TRAILER_LF -> {
        expectLf(b, "after a trailer line");
        state = State.TRAILER_START;
      }
      case FINAL_LF -> {
        expectLf(b, "at the end of the chunked body");
        state = State.DONE;
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void size(byte b) throws MalformedChunkException {
    int digit = Character.digit(b, 16);
    if (digit >= 0 && b < 0x80) {
      if (++digits > MAX_SIZE_DIGITS) {
        throw new MalformedChunkException("chunk size has more than " + MAX_SIZE_DIGITS + " digits");
      }
      remaining = (remaining << 4) | digit;
      lineBytes++;
      return;
    }
    if (digits == 0) {
      throw new MalformedChunkException("chunk size missing: a chunk line starts with hex digits");
    }
    if (b == '\r') {
      state = State.SIZE_LF;
    } else if (b == ';' || b == ' ' || b == '\t') {
      // Optional whitespace before ";" is tolerated (BWS); the extension itself is checked below.
      state = State.EXTENSION;
      extensionStart = b == ';';
      countLine();
    } else {
      throw new MalformedChunkException(
          "invalid character " + printable(b) + " in chunk size");
    }
  }

  private void extension(byte b) throws MalformedChunkException {
    if (b == '\r') {
      if (!extensionStart) {
        throw new MalformedChunkException("whitespace after the chunk size must be followed by ;");
      }
      state = State.SIZE_LF;
      return;
    }
    if (!extensionStart) {
      if (b == ';') {
        extensionStart = true;
      } else if (b != ' ' && b != '\t') {
        throw new MalformedChunkException(
            "invalid character " + printable(b) + " after the chunk size; an extension starts with ;");
      }
    } else if ((b < 0x20 && b != '\t') || b == 0x7f) {
      throw new MalformedChunkException("control character " + printable(b) + " in a chunk extension");
    }
    countLine();
  }

  private void trailer(byte b) throws MalformedChunkException {
    if ((b < 0x20 && b != '\t') || b == 0x7f) {
      throw new MalformedChunkException("control character " + printable(b) + " in a trailer line");
    }
    if (++trailerBytes > MAX_TRAILER_BYTES) {
      throw new MalformedChunkException("trailers longer than " + MAX_TRAILER_BYTES + " bytes");
    }
  }

  private void countLine() throws MalformedChunkException {
    if (++lineBytes > MAX_LINE_BYTES) {
      throw new MalformedChunkException("chunk line longer than " + MAX_LINE_BYTES + " bytes");
    }
  }

  private void startLine(State next) {
    state = next;
    remaining = 0;
    digits = 0;
    lineBytes = 0;
    extensionStart = false;
  }

  private static void expectLf(byte b, String where) throws MalformedChunkException {
    if (b != '\n') {
      throw new MalformedChunkException("CR not followed by LF " + where);
    }
  }

  private static String printable(byte b) {
    int c = b & 0xff;
    return c >= 0x21 && c < 0x7f ? "'" + (char) c + "'" : String.format("0x%02X", c);
  }
}
