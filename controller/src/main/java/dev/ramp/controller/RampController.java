package dev.ramp.controller;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.util.concurrent.CountDownLatch;

/**
 * The Ramp controller: {@code java -jar ramp-controller.jar}. It controls Rollouts in all namespaces of
 * the cluster that {@code KUBECONFIG} (or {@code ~/.kube/config}, or the in-cluster service account)
 * names, until it is stopped.
 */
public final class RampController {
  private RampController() {}

  public static void main(String[] args) throws InterruptedException {
    ApplicationContext context = Micronaut.build(args)
        .mainClass(RampController.class)
        .banner(false)
        .start();
    if (context == null || !context.isRunning()) {
      // Micronaut has logged why it could not start
      System.exit(1);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (context.isRunning()) {
        context.close();
      }
      stopped.countDown();
    }, "ramp-shutdown"));
    stopped.await();
  }
}
