package dev.pegasus.http.core.bench;

import dev.pegasus.http.core.TableJsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The table-style writer alone, on a {@code /meta/apps?detail} body for 1,000 tables (the shape
 * and sizes of {@code AppsEndpoint}: 11 general fields and 7 health fields a table, 394 KB):
 * the old hand-written writer ({@link HandWrittenJsonBaseline}) against {@link TableJsonWriter} on
 * Jackson's generator. Every benchmark ends with the body bytes an {@code HttpResponse} sends:
 *
 * <ul>
 *   <li>{@code handWritten}: StringBuilder, {@code toString()}, {@code getBytes(UTF_8)} (the old
 *       path);
 *   <li>{@code jacksonString}: {@code finish()} then {@code getBytes(UTF_8)} (what callers that
 *       still use {@code HttpResponse.json(String)} do);
 *   <li>{@code jacksonBytes}: {@code finishBytes()}, no String.
 * </ul>
 *
 * <p>The strings are made in {@code @Setup}, so only writing is measured. Run with {@code -prof
 * gc} for the allocation per body.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JsonWriterBenchmark {

  static final int TABLES = 1000;
  /** AppsEndpoint's sizing: 280 characters a general row, 170 a health row, 256 more. */
  static final int CAPACITY = 256 + TABLES * (280 + 170);

  private String[] ids;
  private String[] names;
  private String[] createTimes;
  private int[] partitionCounts;
  private int[] unhealthy;

  @Setup
  public void tables() {
    ids = new String[TABLES];
    names = new String[TABLES];
    createTimes = new String[TABLES];
    partitionCounts = new int[TABLES];
    unhealthy = new int[TABLES];
    for (int i = 0; i < TABLES; i++) {
      ids[i] = Integer.toString(i + 2);
      names[i] = "table_" + i;
      createTimes[i] = String.format("2026-11-%02d 10:%02d:%02d", 1 + i % 28, i % 60, (i * 7) % 60);
      partitionCounts[i] = 256;
      unhealthy[i] = (i % 50 == 0) ? 5 : 0;
    }
  }

  @Benchmark
  public byte[] handWritten() {
    HandWrittenJsonBaseline.TableWriter json =
        new HandWrittenJsonBaseline.TableWriter(CAPACITY).beginObject().beginObject("general_info");
    for (int i = 0; i < TABLES; i++) {
      json.beginObject(ids[i])
          .field("app_id", ids[i])
          .field("status", "AS_AVAILABLE")
          .field("app_name", names[i])
          .field("app_type", "pegasus")
          .field("partition_count", partitionCounts[i])
          .field("replica_count", 3)
          .field("is_stateful", true)
          .field("create_time", createTimes[i])
          .field("drop_time", "-")
          .field("drop_expire", "-")
          .field("envs_count", 1)
          .endObject();
    }
    json.endObject().beginObject("healthy_info");
    for (int i = 0; i < TABLES; i++) {
      json.beginObject(ids[i])
          .field("app_id", ids[i])
          .field("app_name", names[i])
          .field("partition_count", partitionCounts[i])
          .field("fully_healthy", partitionCounts[i] - unhealthy[i])
          .field("unhealthy", unhealthy[i])
          .field("write_unhealthy", unhealthy[i])
          .field("read_unhealthy", 0)
          .endObject();
    }
    json.endObject()
        .beginObject("summary")
        .field("total_app_count", TABLES)
        .field("fully_healthy_app_count", TABLES - TABLES / 50)
        .field("unhealthy_app_count", TABLES / 50)
        .field("write_unhealthy_app_count", TABLES / 50)
        .field("read_unhealthy_app_count", 0)
        .endObject()
        .endObject();
    return json.finish().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] jacksonString() {
    return jackson().finish().getBytes(StandardCharsets.UTF_8);
  }

  @Benchmark
  public byte[] jacksonBytes() {
    return jackson().finishBytes();
  }

  /** The same calls as {@link #handWritten}, on the Jackson writer. */
  TableJsonWriter jackson() {
    TableJsonWriter json = new TableJsonWriter(CAPACITY).beginObject().beginObject("general_info");
    for (int i = 0; i < TABLES; i++) {
      json.beginObject(ids[i])
          .field("app_id", ids[i])
          .field("status", "AS_AVAILABLE")
          .field("app_name", names[i])
          .field("app_type", "pegasus")
          .field("partition_count", partitionCounts[i])
          .field("replica_count", 3)
          .field("is_stateful", true)
          .field("create_time", createTimes[i])
          .field("drop_time", "-")
          .field("drop_expire", "-")
          .field("envs_count", 1)
          .endObject();
    }
    json.endObject().beginObject("healthy_info");
    for (int i = 0; i < TABLES; i++) {
      json.beginObject(ids[i])
          .field("app_id", ids[i])
          .field("app_name", names[i])
          .field("partition_count", partitionCounts[i])
          .field("fully_healthy", partitionCounts[i] - unhealthy[i])
          .field("unhealthy", unhealthy[i])
          .field("write_unhealthy", unhealthy[i])
          .field("read_unhealthy", 0)
          .endObject();
    }
    json.endObject()
        .beginObject("summary")
        .field("total_app_count", TABLES)
        .field("fully_healthy_app_count", TABLES - TABLES / 50)
        .field("unhealthy_app_count", TABLES / 50)
        .field("write_unhealthy_app_count", TABLES / 50)
        .field("read_unhealthy_app_count", 0)
        .endObject()
        .endObject();
    return json;
  }
}
