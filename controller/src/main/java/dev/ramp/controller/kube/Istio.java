package dev.ramp.controller.kube;

import java.util.List;

/** Istio's networking API as the controller uses it. */
public final class Istio {
  private Istio() {}

  public static final String GROUP = "networking.istio.io";
  public static final String VIRTUAL_SERVICES = "virtualservices";
  public static final String DESTINATION_RULES = "destinationrules";
  /** v1 where served (Istio 1.22+), else v1beta1 (every Istio since 1.5). */
  public static final List<String> VERSIONS = List.of("v1", "v1beta1");
}
