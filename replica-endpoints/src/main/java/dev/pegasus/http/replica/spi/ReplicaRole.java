package dev.pegasus.http.replica.spi;

/** What a replica server is for one partition it hosts. */
public enum ReplicaRole {
  PRIMARY,
  SECONDARY
}
