package dev.pegasus.http.core.internal;

import dev.pegasus.http.core.spi.EndpointException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-decoding as Pegasus does it: {@code %XY} with two hex digits of either case,
 * {@code +} stays {@code +}, and a bad escape is a 400 with Pegasus's message texts.
 */
public final class PercentDecoder {

  static final String PREFIX = "failed to parse request: ERR_INVALID_PARAMETERS: ";

  private PercentDecoder() {}

  /** The decoded text of one URL component (a path, a parameter name or value). */
  public static String decode(String component) throws EndpointException {
    int firstPercent = component.indexOf('%');
    if (firstPercent < 0) {
      return component;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(component.length());
    byte[] raw = component.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < raw.length; i++) {
      byte b = raw[i];
      if (b != '%') {
        out.write(b);
        continue;
      }
      if (raw.length - i < 3) {
        throw EndpointException.badRequest(
            PREFIX + "Encountered partial escape sequence at end of string");
      }
      int hi = Character.digit(raw[i + 1], 16);
      int lo = Character.digit(raw[i + 2], 16);
      if (hi < 0 || lo < 0) {
        String rest = new String(raw, i + 1, raw.length - i - 1, StandardCharsets.UTF_8);
        throw EndpointException.badRequest(
            PREFIX
                + "The characters "
                + rest
                + " do not form a hex value. Please escape it or pass a valid hex value");
      }
      out.write((hi << 4) | lo);
      i += 2;
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
