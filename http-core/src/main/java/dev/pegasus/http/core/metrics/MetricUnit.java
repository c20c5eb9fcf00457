package dev.pegasus.http.core.metrics;

/** The unit of a metric, as Pegasus master's {@code metric_unit} names it (reference §2.6). */
public enum MetricUnit {
  NANOSECONDS("NanoSeconds"),
  MICROSECONDS("MicroSeconds"),
  MILLISECONDS("MilliSeconds"),
  SECONDS("Seconds"),
  BYTES("Bytes"),
  MEGABYTES("MegaBytes"),
  BYTES_PER_SEC("BytesPerSec"),
  CAPACITY_UNITS("CapacityUnits"),
  PERCENT("Percent"),
  REPLICAS("Replicas"),
  PARTITIONS("Partitions"),
  PARTITION_SPLITTINGS("PartitionSplittings"),
  SERVERS("Servers"),
  REQUESTS("Requests"),
  RESPONSES("Responses"),
  SEEKS("Seeks"),
  POINT_LOOKUPS("PointLookups"),
  VALUES("Values"),
  KEYS("Keys"),
  FILES("Files"),
  DIRS("Dirs"),
  AMPLIFICATION("Amplification"),
  CHECKPOINTS("Checkpoints"),
  FLUSHES("Flushes"),
  COMPACTIONS("Compactions"),
  MUTATIONS("Mutations"),
  WRITES("Writes"),
  CHANGES("Changes"),
  OPERATIONS("Operations"),
  TASKS("Tasks"),
  DISCONNECTIONS("Disconnections"),
  SESSIONS("Sessions"),
  LEARNS("Learns"),
  ROUNDS("Rounds"),
  RESETS("Resets"),
  BACKUPS("Backups"),
  FILE_LOADS("FileLoads"),
  FILE_UPLOADS("FileUploads"),
  BULK_LOADS("BulkLoads"),
  BEACONS("Beacons");

  private final String wireName;

  MetricUnit(String wireName) {
    this.wireName = wireName;
  }

  /** The name in {@code /metrics} bodies, e.g. {@code NanoSeconds}. */
  public String wireName() {
    return wireName;
  }
}
