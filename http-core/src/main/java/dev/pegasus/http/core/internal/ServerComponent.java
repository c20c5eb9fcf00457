package dev.pegasus.http.core.internal;

import dagger.BindsInstance;
import dagger.Component;
import dev.pegasus.http.core.ServerConfig;
import dev.pegasus.http.core.spi.EndpointContext;
import javax.inject.Singleton;

/** The object graph of one server: its configuration and context in, its runtime out. */
@Singleton
@Component(modules = ServerModule.class)
public interface ServerComponent {

  ServerRuntime runtime();

  /** The handler every request goes through; also serves in-process requests. */
  RequestDispatcher dispatcher();

  /** What the providers contributed to close. */
  ServerResources resources();

  /** Creates the graph from what the host configured. */
  @Component.Factory
  interface Factory {
    ServerComponent create(
        @BindsInstance ServerConfig config,
        @BindsInstance EndpointContext context,
        @BindsInstance ProviderClassLoader providerClassLoader,
        @BindsInstance HostContributions host);
  }

  /** A new graph for this configuration and context. */
  static ServerComponent create(
      ServerConfig config,
      EndpointContext context,
      ProviderClassLoader loader,
      HostContributions host) {
    return DaggerServerComponent.factory().create(config, context, loader, host);
  }
}
