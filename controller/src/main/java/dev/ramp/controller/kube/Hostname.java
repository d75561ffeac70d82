package dev.ramp.controller.kube;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This replica's name: the pod's hostname in a cluster. */
public final class Hostname {
  private Hostname() {}

  public static String get() {
    String fromEnv = System.getenv("HOSTNAME");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return RampMetadata.COMPONENT;
    }
  }
}
