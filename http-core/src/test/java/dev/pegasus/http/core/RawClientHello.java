package dev.pegasus.http.core;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;

/**
 * Sends a hand-made TLS ClientHello and reports what the server answers first. The JDK's own
 * client will not offer TLS 1.0 or 1.1 (its security policy disables them), so it cannot show
 * that the server refuses them; bytes written by hand can.
 */
final class RawClientHello {

  static final int TLS_1_0 = 0x0301;
  static final int TLS_1_1 = 0x0302;
  static final int TLS_1_2 = 0x0303;

  /** The first thing the server sent back. */
  enum Answer {
    ALERT,
    SERVER_HELLO,
    CLOSED,
    OTHER
  }

  private RawClientHello() {}

  static Answer send(int port, int version) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(hello(version));
      socket.getOutputStream().flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int contentType;
      try {
        contentType = in.readUnsignedByte();
      } catch (EOFException | SocketException e) {
        return Answer.CLOSED;
      }
      if (contentType == 21) {
        return Answer.ALERT;
      }
      if (contentType == 22) {
        in.readUnsignedShort(); // record version
        in.readUnsignedShort(); // record length
        return in.readUnsignedByte() == 2 ? Answer.SERVER_HELLO : Answer.OTHER;
      }
      return Answer.OTHER;
    }
  }

  private static byte[] hello(int version) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    u16(body, version);
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    body.writeBytes(random);
    body.write(0); // no session id
    int[] suites = {
      0xc02b, // ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (TLS 1.2)
      0xc02f, // ECDHE_RSA_WITH_AES_128_GCM_SHA256 (TLS 1.2)
      0xc009, // ECDHE_ECDSA_WITH_AES_128_CBC_SHA (usable in TLS 1.0 and 1.1)
      0xc013, // ECDHE_RSA_WITH_AES_128_CBC_SHA
      0x002f, // RSA_WITH_AES_128_CBC_SHA
      0x00ff, // renegotiation info SCSV
    };
    u16(body, suites.length * 2);
    for (int s : suites) {
      u16(body, s);
    }
    body.write(1); // one compression method: none
    body.write(0);
    ByteArrayOutputStream ext = new ByteArrayOutputStream();
    extension(ext, 0x000a, new int[] {4, 0x0017, 0x001d}); // supported_groups: secp256r1, x25519
    ext.writeBytes(new byte[] {0x00, 0x0b, 0x00, 0x02, 0x01, 0x00}); // ec_point_formats: uncompressed
    extension(ext, 0x000d, new int[] {6, 0x0403, 0x0804, 0x0401}); // signature_algorithms
    u16(body, ext.size());
    body.writeBytes(ext.toByteArray());

    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(22); // handshake
    u16(record, TLS_1_0); // record version, as clients send it
    u16(record, body.size() + 4);
    record.write(1); // client_hello
    record.write(0);
    u16(record, body.size());
    record.writeBytes(body.toByteArray());
    return record.toByteArray();
  }

  private static void extension(ByteArrayOutputStream out, int type, int[] listWithLength) {
    u16(out, type);
    u16(out, listWithLength.length * 2);
    for (int v : listWithLength) {
      u16(out, v);
    }
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write((v >> 8) & 0xff);
    out.write(v & 0xff);
  }
}
