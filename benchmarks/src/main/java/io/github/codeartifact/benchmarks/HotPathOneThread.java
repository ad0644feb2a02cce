package io.github.codeartifact.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** The hot path benchmarks on one thread. */
@Threads(1)
public class HotPathOneThread extends HotPathBenchmark {

}
