package dev.pegasus.http.meta;

import static java.util.Objects.requireNonNull;

/**
 * A request to bulk load a table ({@code start_bulk_load_request}): the files of {@code
 * <remoteRootPath>/<clusterName>/<appName>/} on the block service {@code fileProviderType}.
 *
 * @param appName the table to load into
 * @param clusterName the cluster the files were made for
 * @param fileProviderType the block service, e.g. {@code local_service}
 * @param remoteRootPath the root of the files on that service
 */
public record BulkLoadRequest(
    String appName, String clusterName, String fileProviderType, String remoteRootPath) {

  public BulkLoadRequest {
    requireNonNull(appName, "appName");
    requireNonNull(clusterName, "clusterName");
    requireNonNull(fileProviderType, "fileProviderType");
    requireNonNull(remoteRootPath, "remoteRootPath");
  }

  /**
   * {@code <remoteRootPath>/<clusterName>/<appName>/bulk_load_info}, upstream's name of the info
   * file on the block service (for {@code local_service}, relative to its root whatever it starts
   * with; see {@link BulkLoadInfo#check}).
   */
  public String bulkLoadInfoPath() {
    return remoteRootPath + "/" + clusterName + "/" + appName + "/bulk_load_info";
  }
}
