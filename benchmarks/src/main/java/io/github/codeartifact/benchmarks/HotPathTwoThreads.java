package io.github.codeartifact.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/** The hot path benchmarks on two threads sharing each state. */
@Threads(2)
public class HotPathTwoThreads extends HotPathBenchmark {

}
