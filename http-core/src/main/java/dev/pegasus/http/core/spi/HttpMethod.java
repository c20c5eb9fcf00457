package dev.pegasus.http.core.spi;

/** The request methods pegasus-http serves; any other method is answered 405 by the framework. */
public enum HttpMethod {
  GET,
  POST,
  HEAD
}
