package dev.pegasus.http.meta;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One file of Pegasus's {@code local_service} block service, read as upstream opens it: {@code
 * path_combine(root, name)}, so every name, even one starting with {@code /}, lies under the
 * configured root. Because the name comes from a request body, reading is confined: {@code ..}
 * segments and NUL are refused, the real path (symlinks resolved) must stay under the root's real
 * path, only a regular file is opened (a FIFO would block the worker), and at most {@link
 * #MAX_BYTES} are read. Whatever is outside the root, or not a regular file, is reported as {@link
 * NoSuchFileException}, so nothing about the host's file system outside the root is told.
 */
final class LocalServiceFile {

  /** The largest file read; a {@code bulk_load_info} is some 50 bytes. */
  static final int MAX_BYTES = 64 * 1024;

  /** The file is larger than {@link #MAX_BYTES}. */
  static final class TooLargeException extends IOException {
    TooLargeException(String name) {
      super(name + " is larger than " + MAX_BYTES + " bytes");
    }
  }

  private LocalServiceFile() {}

  /**
   * The bytes of {@code name} under {@code root}; {@link NoSuchFileException} when it is missing,
   * outside the root or not a regular file, {@link TooLargeException} when too large, another
   * {@link IOException} when reading it fails.
   */
  static byte[] read(Path root, String name) throws IOException {
    Path file = realFileUnder(root, name);
    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new TooLargeException(name);
      }
      return bytes;
    }
  }

  private static Path realFileUnder(Path root, String name) throws NoSuchFileException {
    NoSuchFileException missing = new NoSuchFileException(name);
    if (name.indexOf('\0') >= 0) {
      throw missing;
    }
    try {
      Path realRoot = root.toRealPath();
      Path candidate = realRoot;
      for (String segment : name.split("/")) {
        if (segment.equals("..")) {
          throw missing;
        }
        if (!segment.isEmpty() && !segment.equals(".")) {
          candidate = candidate.resolve(segment);
        }
      }
      // symlinks inside the root may point anywhere: only where they end up counts
      Path real = candidate.toRealPath();
      if (!real.startsWith(realRoot)
          || !Files.readAttributes(real, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile()) {
        throw missing;
      }
      return real;
    } catch (IOException | InvalidPathException | SecurityException e) {
      // an unreadable directory or a dangling link outside the root tells as much as a missing file
      throw missing;
    }
  }
}
