package dev.pegasus.http.meta;

/**
 * The lifecycle status of a table, Pegasus's {@code app_status} without its {@code AS_} prefix.
 * Only {@link #AVAILABLE} tables are listed by {@code /meta/apps} and served by {@code /meta/app}.
 */
public enum AppStatus {
  AVAILABLE,
  CREATING,
  CREATE_FAILED,
  DROPPING,
  DROP_FAILED,
  DROPPED,
  RECALLING
}
