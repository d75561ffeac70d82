package dev.ramp.sandbox.contract.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A contract test: it runs once per {@link dev.ramp.sandbox.contract.harness.Target}, against the sandbox
 * or against the real cluster {@code KUBECONFIG} names, and the target that is not active this run is
 * reported as skipped with the reason. The test method takes a {@link Contract} parameter; its
 * {@code @DisplayName} starts with the row id of shared/REAL-APISERVER.md.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(ContractExtension.class)
public @interface ContractTest {}
