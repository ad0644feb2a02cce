package io.github.codeartifact.benchmarks;

import java.time.Clock;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The clock the engine is given in production, held in a field typed {@link Clock} as the engine
 * holds it.
 */
@State(Scope.Benchmark)
public class ClockState {

	Clock clock = Clock.systemUTC();

}
