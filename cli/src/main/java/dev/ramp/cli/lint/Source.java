package dev.ramp.cli.lint;

/** A file's name and text, as lint reads it. */
public record Source(String name, String text) {}
