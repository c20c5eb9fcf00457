package dev.pegasus.http.profiler.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few protobuf encodings profile.proto needs: varints, length-delimited bytes and nested
 * messages, and packed repeated varints. Zero scalars are left out, as proto3 does.
 */
public final class ProtoBuffer {

  private static final int VARINT = 0;
  private static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

  /** A varint field (int64, uint64, bool); omitted when 0. */
  public ProtoBuffer varint(int field, long value) {
    if (value != 0) {
      tag(field, VARINT);
      rawVarint(value);
    }
    return this;
  }

  /** A bool field; omitted when false. */
  public ProtoBuffer bool(int field, boolean value) {
    return varint(field, value ? 1 : 0);
  }

  /** A string field, always written (the string table needs its empty first entry). */
  public ProtoBuffer string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  /** A nested message. */
  public ProtoBuffer message(int field, ProtoBuffer message) {
    return bytes(field, message.toByteArray());
  }

  /** A packed repeated varint field; omitted when empty. */
  public ProtoBuffer packed(int field, long[] values) {
    if (values.length == 0) {
      return this;
    }
    ProtoBuffer packed = new ProtoBuffer();
    for (long v : values) {
      packed.rawVarint(v);
    }
    return bytes(field, packed.toByteArray());
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private ProtoBuffer bytes(int field, byte[] bytes) {
    tag(field, LENGTH_DELIMITED);
    rawVarint(bytes.length);
    out.write(bytes, 0, bytes.length);
    return this;
  }

  private void tag(int field, int wireType) {
    rawVarint(((long) field << 3) | wireType);
  }

  private void rawVarint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
