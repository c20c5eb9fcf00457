package dev.pegasus.http.collector;

import java.util.Arrays;

/** The (name, value) pairs of one replica server's bulk counter read, in arrival order. */
final class CounterReadings {

  private String[] names = new String[256];
  private double[] values = new double[256];
  private int size;

  void add(String name, double value) {
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size] = value;
    size++;
  }

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  double value(int i) {
    return values[i];
  }
}
