package dev.pegasus.http.core.spi;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.Collection;
import java.util.Optional;

/**
 * What one provider gives a server: endpoints, filters, and resources the server closes when it
 * closes (in the reverse order of their contribution, also when {@code start()} fails); or
 * nothing, with the reason, which the server logs.
 *
 * <pre>{@code
 * return context.find(StorageEngine.class)
 *     .map(engine -> Contribution.builder()
 *         .endpoint(new TableSizeEndpoint(engine))
 *         .filter(ScopedFilter.of("audit", new AuditFilter(), "/replica/*"))
 *         .closeOnStop(engine::releaseHandles)
 *         .build())
 *     .orElse(Contribution.none("no StorageEngine in this server"));
 * }</pre>
 */
public final class Contribution {

  private static final Contribution NOTHING = new Contribution(builder(), null);

  private final ImmutableList<HttpEndpoint> endpoints;
  private final ImmutableList<ScopedFilter> filters;
  private final ImmutableList<AutoCloseable> resources;
  private final ImmutableList<StartListener> startListeners;
  private final String reasonForNothing;

  private Contribution(Builder b, String reasonForNothing) {
    this.endpoints = b.endpoints.build();
    this.filters = b.filters.build();
    this.resources = b.resources.build();
    this.startListeners = b.startListeners.build();
    this.reasonForNothing = reasonForNothing;
  }

  /** Nothing, because of {@code reason} (e.g. "no MetaState in this server"). */
  public static Contribution none(String reason) {
    checkArgument(!reason.isBlank(), "say why nothing is contributed");
    return new Contribution(builder(), reason);
  }

  /** Just these endpoints. */
  public static Contribution of(Collection<? extends HttpEndpoint> endpoints) {
    return endpoints.isEmpty() ? NOTHING : builder().endpoints(endpoints).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public ImmutableList<HttpEndpoint> endpoints() {
    return endpoints;
  }

  public ImmutableList<ScopedFilter> filters() {
    return filters;
  }

  /** What the server closes on {@code close()}, in reverse order. */
  public ImmutableList<AutoCloseable> resources() {
    return resources;
  }

  /** What runs once the server has bound its port, in contribution order. */
  public ImmutableList<StartListener> startListeners() {
    return startListeners;
  }

  /** Why nothing was contributed, when that was said. */
  public Optional<String> reasonForNothing() {
    return Optional.ofNullable(reasonForNothing);
  }

  /** True when there are neither endpoints nor filters. */
  public boolean isEmpty() {
    return endpoints.isEmpty() && filters.isEmpty();
  }

  /** Builds a {@link Contribution}. */
  public static final class Builder {
    private final ImmutableList.Builder<HttpEndpoint> endpoints = ImmutableList.builder();
    private final ImmutableList.Builder<ScopedFilter> filters = ImmutableList.builder();
    private final ImmutableList.Builder<AutoCloseable> resources = ImmutableList.builder();
    private final ImmutableList.Builder<StartListener> startListeners = ImmutableList.builder();

    private Builder() {}

    public Builder endpoint(HttpEndpoint endpoint) {
      endpoints.add(requireNonNull(endpoint));
      return this;
    }

    public Builder endpoints(Collection<? extends HttpEndpoint> all) {
      endpoints.addAll(all);
      return this;
    }

    public Builder filter(ScopedFilter filter) {
      filters.add(requireNonNull(filter));
      return this;
    }

    /** A resource the server closes when it closes (or when its start fails). */
    public Builder closeOnStop(AutoCloseable resource) {
      resources.add(requireNonNull(resource));
      return this;
    }

    /**
     * Runs {@code listener} once the server has bound its port and serves, e.g. to join an
     * election under the real {@code host:port} or to start background work that reports
     * through the server. A listener that throws fails {@code start()}: the server stops and
     * the contributed resources close.
     */
    public Builder onStart(StartListener listener) {
      startListeners.add(requireNonNull(listener));
      return this;
    }

    public Contribution build() {
      return new Contribution(this, null);
    }
  }

  /** Runs when the server has started; see {@link Builder#onStart}. */
  @FunctionalInterface
  public interface StartListener {
    void started(StartedServer server) throws Exception;
  }
}
