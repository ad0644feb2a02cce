package io.github.codeartifact.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the benchmark JVM per operation ({@code cpu.time.norm}, ns/op), across all threads.
 * Unlike the elapsed time per operation, it does not grow while a benchmark thread waits for a core
 * that other processes hold, so on a loaded machine it still tells whether two threads calling
 * together slow each other down (contention on a shared cache line would show here). It includes
 * the few cycles that the JVM's other threads spend during an iteration.
 * <p>
 * Use: {@code -prof io.github.codeartifact.benchmarks.CpuTimeProfiler}.
 */
public class CpuTimeProfiler implements InternalProfiler {

	private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long cpuAtStart;

	@Override
	public String getDescription() {
		return "CPU time of the JVM per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.cpuAtStart = this.os.getProcessCpuTime();
	}

	@Override
	public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		long cpu = this.os.getProcessCpuTime() - this.cpuAtStart;
		long ops = result.getMetadata().getAllOps();
		double perOp = (ops > 0) ? (double) cpu / ops : Double.NaN;
		return List.of(new ScalarResult("cpu.time.norm", perOp, "ns/op", AggregationPolicy.AVG));
	}

}
