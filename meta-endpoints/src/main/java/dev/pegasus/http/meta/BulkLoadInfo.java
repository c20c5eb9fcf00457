package dev.pegasus.http.meta;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code bulk_load_info} file at the root of a table's bulk-load files, {@code
 * {"app_id":2,"app_name":"temp","partition_count":8}}, and Pegasus's synchronous checks of a
 * {@link BulkLoadRequest} against it, for hosts that implement {@link TableOperations#startBulkLoad}
 * on the local file system ({@code local_service}).
 *
 * @param appId the app id the files were made for
 * @param appName the table name the files were made for
 * @param partitionCount the partition count the files were made for
 */
public record BulkLoadInfo(int appId, String appName, int partitionCount) {

  /** The only block service this class reads: the local file system. */
  public static final String LOCAL_SERVICE = "local_service";

  private static final Set<String> FIELDS = Set.of("app_id", "app_name", "partition_count");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * Decodes the file as Pegasus's {@code json_forwarder} does: a JSON object whose known fields,
   * where present, have the right type ({@code app_id} and {@code partition_count} 32-bit integers,
   * {@code app_name} a string), and either all three are present or every member is one of them;
   * a missing field stays 0 or empty. Empty when the text is not such a document.
   */
  public static Optional<BulkLoadInfo> parse(byte[] text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    int parsed = 0;
    int appId = 0;
    int partitionCount = 0;
    String appName = "";
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      JsonNode value = root.get(name);
      switch (name) {
        case "app_id", "partition_count" -> {
          if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            return Optional.empty();
          }
          if (name.equals("app_id")) {
            appId = value.intValue();
          } else {
            partitionCount = value.intValue();
          }
          parsed++;
        }
        case "app_name" -> {
          if (!value.isTextual()) {
            return Optional.empty();
          }
          appName = value.textValue();
          parsed++;
        }
        default -> { }
      }
    }
    return parsed == FIELDS.size() || parsed == root.size()
        ? Optional.of(new BulkLoadInfo(appId, appName, partitionCount))
        : Optional.empty();
  }

  /**
   * Pegasus's synchronous checks of a bulk load of {@code table} from the local file system, in
   * upstream's order: the provider ({@code ERR_INVALID_PARAMETERS} / {@code invalid file_provider}
   * unless {@value #LOCAL_SERVICE}), reading {@link BulkLoadRequest#bulkLoadInfoPath()} under {@code
   * localServiceRoot} as upstream's {@code local_service} does ({@code path_combine(root, path)}:
   * an absolute {@code remote_root_path} lies under the root too), then decoding it ({@code
   * ERR_CORRUPTION} / {@code bulk_load_info damaged}, also when it is larger than 64 KiB) and its
   * app id and partition count ({@code ERR_INCONSISTENT_STATE} / {@code app_id or partition_count
   * is inconsistent}). A file that is missing, not a regular file, or outside the root ({@code ..},
   * a symlink leading out) is {@code ERR_OBJECT_NOT_FOUND}, one that cannot be read {@code
   * ERR_FS_INTERNAL}, both with {@code read bulk_load_info failed}.
   *
   * @param localServiceRoot the block service's root directory, configured by the host
   */
  public static TableOperationResult check(Path localServiceRoot, BulkLoadRequest request, AppInfo table) {
    if (!request.fileProviderType().equals(LOCAL_SERVICE)) {
      return TableOperationResult.failed("ERR_INVALID_PARAMETERS", "invalid file_provider");
    }
    byte[] text;
    try {
      text = LocalServiceFile.read(localServiceRoot, request.bulkLoadInfoPath());
    } catch (NoSuchFileException e) {
      return TableOperationResult.failed("ERR_OBJECT_NOT_FOUND", "read bulk_load_info failed");
    } catch (LocalServiceFile.TooLargeException e) {
      return TableOperationResult.failed("ERR_CORRUPTION", "bulk_load_info damaged");
    } catch (IOException | RuntimeException e) {
      return TableOperationResult.failed("ERR_FS_INTERNAL", "read bulk_load_info failed");
    }
    Optional<BulkLoadInfo> info = parse(text);
    if (info.isEmpty()) {
      return TableOperationResult.failed("ERR_CORRUPTION", "bulk_load_info damaged");
    }
    if (info.get().appId() != table.appId() || info.get().partitionCount() != table.partitionCount()) {
      return TableOperationResult.failed("ERR_INCONSISTENT_STATE", "app_id or partition_count is inconsistent");
    }
    return TableOperationResult.ok();
  }
}
