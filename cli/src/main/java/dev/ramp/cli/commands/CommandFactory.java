package dev.ramp.cli.commands;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;

/** Creates commands with the {@link Env} they run in (a constructor taking it), else as picocli would. */
public final class CommandFactory implements CommandLine.IFactory {
  private final Env env;
  private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

  public CommandFactory(Env env) {
    this.env = env;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Constructor<K> constructor;
    try {
      constructor = type.getDeclaredConstructor(Env.class);
    } catch (NoSuchMethodException e) {
      return fallback.create(type);
    }
    try {
      constructor.setAccessible(true);
      return constructor.newInstance(env);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }
}
