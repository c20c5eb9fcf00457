package dev.pegasus.http.onebox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar onebox/target/pegasus-onebox.jar [options]}: starts the onebox, prints where
 * everything is, then reads console commands until {@code quit}, end of input (it then keeps
 * running) or Ctrl-C.
 */
public final class OneboxMain {

  private OneboxMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the onebox in this process; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (OneboxOptions.wantsHelp(args)) {
      out.print(OneboxOptions.USAGE);
      return 0;
    }
    OneboxOptions options;
    try {
      options = OneboxOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("onebox: " + e.getMessage());
      return 2;
    }
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    Onebox onebox;
    try {
      onebox = Onebox.start(options);
    } catch (OneboxStartException e) {
      err.println("onebox: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown =
        new Thread(
            () -> {
              onebox.close();
              stopped.countDown();
            },
            "onebox-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    out.println(onebox.banner());
    if (options.interactive()) {
      console(onebox, out);
    }
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** Reads commands until quit; on end of input the onebox keeps running until Ctrl-C. */
  private static void console(Onebox onebox, PrintStream out) {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      out.print("onebox> ");
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.trim();
        if (command.equals("quit") || command.equals("exit")) {
          System.exit(0); // runs the shutdown hook, which closes the onebox
        }
        try {
          String result = onebox.execute(command);
          if (!result.isEmpty()) {
            out.println(result);
          }
        } catch (RuntimeException e) {
          out.println("failed: " + e.getMessage());
        }
        out.print("onebox> ");
        out.flush();
      }
    } catch (IOException e) {
      out.println("console closed: " + e.getMessage());
    }
  }
}
