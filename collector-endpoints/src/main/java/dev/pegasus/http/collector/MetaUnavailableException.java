package dev.pegasus.http.collector;

/** No meta server gave a usable answer, so the round cannot know the cluster and is abandoned. */
final class MetaUnavailableException extends Exception {

  private static final long serialVersionUID = 1L;

  MetaUnavailableException(String message) {
    super(message, null, false, false);
  }
}
