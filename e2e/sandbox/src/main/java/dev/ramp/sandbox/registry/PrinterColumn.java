package dev.ramp.sandbox.registry;

/** A column of {@code kubectl get}: a CRD's additionalPrinterColumns entry. */
public record PrinterColumn(String name, String type, String format, String description, int priority, String jsonPath) {}
