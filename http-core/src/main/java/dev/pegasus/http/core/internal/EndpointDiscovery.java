package dev.pegasus.http.core.internal;

import com.google.common.collect.ImmutableList;
import dev.pegasus.http.core.spi.Contribution;
import dev.pegasus.http.core.spi.EndpointContext;
import dev.pegasus.http.core.spi.EndpointProvider;
import dev.pegasus.http.core.spi.HttpEndpoint;
import dev.pegasus.http.core.spi.ScopedFilter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every provider for its contribution in this server's context, once: those ServiceLoader
 * finds on the class path, then those the host gave the builder. Remembers which provider
 * contributed which endpoint, for error messages, and owns the contributed resources until the
 * server closes them ({@link ServerResources}). If a later provider fails, the resources of the
 * earlier ones are closed before the error leaves.
 *
 * <p>A provider that cannot be loaded fails the build with the services file (jar or directory
 * URL) that lists it; one whose endpoints fail to initialise (typically a {@code static final
 * SPEC} that throws) fails it with that failure's own message first, then the class whose
 * initialiser threw and the provider, instead of an {@link ExceptionInInitializerError} under
 * Dagger's frames.
 */
@Singleton
public final class EndpointDiscovery {

  private static final Logger log = LoggerFactory.getLogger(EndpointDiscovery.class);
  private static final String SERVICES_FILE =
      "META-INF/services/" + EndpointProvider.class.getName();

  private final ImmutableList<HttpEndpoint> endpoints;
  private final ImmutableList<ScopedFilter> filters;
  private final ImmutableList<HttpEndpoint> replacements;
  private final Map<HttpEndpoint, String> origins = new IdentityHashMap<>();

  @Inject
  public EndpointDiscovery(
      EndpointContext context,
      ProviderClassLoader loader,
      HostContributions host,
      ServerResources resources) {
    ImmutableList.Builder<HttpEndpoint> found = ImmutableList.builder();
    ImmutableList.Builder<ScopedFilter> providerFilters = ImmutableList.builder();
    try {
      List<EndpointProvider> providers = load(loader.loader());
      providers.addAll(host.providers());
      for (EndpointProvider provider : providers) {
        Contribution contribution = contributionOf(provider, context);
        contribution.resources().forEach(r -> resources.add(r, provider.name()));
        contribution.startListeners().forEach(l -> resources.addStartListener(l, provider.name()));
        describe(context.role(), provider, contribution);
        for (HttpEndpoint e : contribution.endpoints()) {
          origins.put(e, "provider " + provider.name());
          found.add(e);
        }
        providerFilters.addAll(contribution.filters());
      }
      for (HttpEndpoint e : host.endpoints()) {
        origins.put(e, "the builder's endpoint(" + e.getClass().getName() + ")");
        found.add(e);
      }
      for (HttpEndpoint e : host.replacements()) {
        origins.put(e, "the builder's replaceEndpoint(" + e.getClass().getName() + ")");
      }
    } catch (RuntimeException | Error e) {
      resources.closeAll();
      throw e;
    }
    providerFilters.addAll(host.filters());
    this.endpoints = found.build();
    this.filters = providerFilters.build();
    this.replacements = host.replacements();
  }

  /** The class path's providers, in ServiceLoader's order; a broken listing names its file. */
  private static List<EndpointProvider> load(ClassLoader loader) {
    List<EndpointProvider> found = new ArrayList<>();
    Iterator<EndpointProvider> providers = ServiceLoader.load(EndpointProvider.class, loader).iterator();
    while (true) {
      try {
        if (!providers.hasNext()) {
          return found;
        }
        found.add(providers.next());
      } catch (ServiceConfigurationError e) {
        throw cannotLoad(e, loader);
      }
    }
  }

  private static Contribution contributionOf(EndpointProvider provider, EndpointContext context) {
    try {
      Contribution contribution = provider.contribute(context);
      if (contribution == null) {
        throw new IllegalStateException("contribute() returned null");
      }
      // Specs are read here, inside the guard, so that a spec that fails is blamed on its provider.
      contribution.endpoints().forEach(HttpEndpoint::spec);
      return contribution;
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "endpoint provider " + provider.name() + " failed: " + e.getMessage(), e);
    } catch (LinkageError e) {
      throw failedToInitialise(provider, e);
    }
  }

  private static void describe(String role, EndpointProvider provider, Contribution contribution) {
    if (contribution.isEmpty()) {
      log.info(
          "[{}] provider {} contributed nothing: {}",
          role,
          provider.name(),
          contribution.reasonForNothing().orElse("it gave no reason"));
      return;
    }
    List<String> paths = contribution.endpoints().stream().map(e -> e.spec().path()).toList();
    List<String> filterNames = contribution.filters().stream().map(ScopedFilter::name).toList();
    log.info(
        "[{}] provider {} contributed {}{}",
        role,
        provider.name(),
        paths,
        filterNames.isEmpty() ? "" : " and filters " + filterNames);
  }

  /** Every endpoint the providers and the builder contributed. */
  public ImmutableList<HttpEndpoint> endpoints() {
    return endpoints;
  }

  /** The providers' filters in discovery order, then the builder's. */
  public ImmutableList<ScopedFilter> filters() {
    return filters;
  }

  /** Endpoints the host gave to replace another on the same path. */
  public ImmutableList<HttpEndpoint> replacements() {
    return replacements;
  }

  /** {@code provider <class name>} for a discovered endpoint, {@code built-in <class>} otherwise. */
  public String originOf(HttpEndpoint endpoint) {
    String origin = origins.get(endpoint);
    return origin != null ? origin : "built-in " + endpoint.getClass().getSimpleName();
  }

  private static IllegalStateException failedToInitialise(EndpointProvider provider, LinkageError e) {
    return new IllegalStateException(
        initialiserFailure(e) + "; while endpoint provider " + provider.name()
            + " built its endpoints",
        e);
  }

  /**
   * ServiceLoader's own message names the provider class but not where it was listed; a class
   * that is not there is usually a stale or mis-typed line in some jar's services file.
   */
  private static IllegalStateException cannotLoad(ServiceConfigurationError e, ClassLoader loader) {
    List<String> listedIn = new ArrayList<>();
    List<String> classNames = new ArrayList<>();
    for (Map.Entry<String, String> entry : serviceEntries(loader)) {
      String className = entry.getValue();
      if (mentions(e.getMessage(), className)) {
        listedIn.add(entry.getKey());
        if (!classNames.contains(className)) {
          classNames.add(className);
        }
      }
    }
    String subject =
        classNames.isEmpty() ? "an endpoint provider" : "endpoint provider " + String.join(", ", classNames);
    String where =
        listedIn.isEmpty()
            ? "; no " + SERVICES_FILE + " visible to the provider class loader lists it"
            : "; listed in " + String.join(", ", listedIn);
    LinkageError initFailure = initialiserFailureIn(e);
    if (initFailure != null) {
      // The provider's own static state (a SPEC kept in the provider class) threw.
      return new IllegalStateException(
          initialiserFailure(initFailure) + "; while loading " + subject + where, e);
    }
    return new IllegalStateException("cannot load " + subject + ": " + e.getMessage() + where, e);
  }

  private static boolean mentions(String message, String className) {
    return message != null
        && Pattern.compile("(^|[^\\w.$])" + Pattern.quote(className) + "($|[^\\w.$])")
            .matcher(message)
            .find();
  }

  /** (services file URL, provider class name) for every line of every provider services file. */
  private static List<Map.Entry<String, String>> serviceEntries(ClassLoader loader) {
    List<Map.Entry<String, String>> entries = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(SERVICES_FILE))) {
        URLConnection connection = url.openConnection();
        // A cached JarFile would outlive a test's temporary jar and hide a rewritten one.
        connection.setUseCaches(false);
        try (BufferedReader in =
            new BufferedReader(
                new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!name.isEmpty()) {
              entries.add(Map.entry(url.toString(), name));
            }
          }
        }
      }
    } catch (IOException e) {
      log.debug("could not read the provider services files", e);
    }
    return entries;
  }

  /** JDK 17's record of a first initialiser failure, kept as the cause of a later NoClassDefFoundError. */
  private static final Pattern RECORDED_FAILURE =
      Pattern.compile("Exception [\\w.$]+(?:: (.*))? \\[in thread \".*\"\\]", Pattern.DOTALL);

  /**
   * What a static initialiser threw: its message first, then the class whose initialiser it was
   * (from the {@code <clinit>} frame) when the stack tells.
   */
  private static String initialiserFailure(LinkageError e) {
    Throwable failure = e;
    if (e instanceof NoClassDefFoundError && e.getCause() instanceof ExceptionInInitializerError first) {
      failure = first;
    }
    String message;
    if (failure instanceof ExceptionInInitializerError init && init.getCause() != null) {
      failure = init.getCause();
      message = String.valueOf(failure.getMessage() != null ? failure.getMessage() : failure);
    } else if (failure instanceof ExceptionInInitializerError init && init.getMessage() != null) {
      Matcher recorded = RECORDED_FAILURE.matcher(init.getMessage());
      message = recorded.matches() && recorded.group(1) != null ? recorded.group(1) : init.getMessage();
    } else {
      // Not an initialiser's failure (a class missing from the class path, say): its type says most.
      message = failure.toString();
    }
    String clinit = clinitClass(failure);
    return clinit == null ? message : message + " (in the static initialiser of " + clinit + ")";
  }

  private static String clinitClass(Throwable t) {
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getMethodName().equals("<clinit>")) {
        return frame.getClassName();
      }
    }
    return null;
  }

  private static LinkageError initialiserFailureIn(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ExceptionInInitializerError || c instanceof NoClassDefFoundError) {
        return (LinkageError) c;
      }
    }
    return null;
  }
}
