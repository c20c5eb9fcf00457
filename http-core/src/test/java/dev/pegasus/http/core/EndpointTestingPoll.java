package dev.pegasus.http.core;

import static dev.pegasus.http.testing.HttpCalls.get;

import dev.pegasus.http.testing.Polling;
import java.time.Duration;
import java.time.Instant;

/** Reads a RATE counter once more than 0.1 s has passed, so that the read computes a new rate. */
final class EndpointTestingPoll {

  private EndpointTestingPoll() {}

  static String valueAfterTenthOfSecond(PegasusHttpServer server, String name) {
    Instant notBefore = Instant.now().plusMillis(150);
    Polling.pollUntil("0.15 s to pass", Duration.ofSeconds(5), Instant::now, now -> now.isAfter(notBefore));
    String body = get(server, "/perfCounter?name=" + name).body();
    int start = body.indexOf("\"value\":\"") + 9;
    return body.substring(start, body.indexOf('"', start));
  }
}
