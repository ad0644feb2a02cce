package io.github.codeartifact.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot path: what one call for the token costs, next to a baseline and the AWS SDK's cache. Run
 * with one thread by {@link HotPathOneThread} and with two by {@link HotPathTwoThreads}, so that one
 * run gives both; the states are shared by the threads, as an application's beans are.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(3)
public abstract class HotPathBenchmark {

	/** {@code getToken()} on a fresh token: the call an application makes per request or build. */
	@Benchmark
	public String getToken(FreshTokenState state) {
		return state.provider.getToken();
	}

	/** {@code getToken()} while a forced refresh is in flight on the refresh thread. */
	@Benchmark
	public String getTokenRefreshInFlight(RefreshInFlightState state) {
		return state.provider.getToken();
	}

	/**
	 * {@code getToken()} on a token in its guarded phase, from five minutes before its refresh
	 * window: checked on the wall and the monotonic clock.
	 */
	@Benchmark
	public String getTokenGuarded(GuardedTokenState state) {
		return state.provider.getToken();
	}

	/** One volatile read, {@link System#currentTimeMillis()} compared with the stale time. */
	@Benchmark
	public String baseline(VolatileHolderState state) {
		return state.get();
	}

	/** The AWS SDK's {@code CachedSupplier.get()} with a fresh value. */
	@Benchmark
	public String cachedSupplier(CachedSupplierState state) {
		return state.supplier.get();
	}

	/** The clock read inside the baseline. */
	@Benchmark
	public long currentTimeMillis() {
		return System.currentTimeMillis();
	}

	/** The monotonic clock read that the guarded phase adds. */
	@Benchmark
	public long nanoTime() {
		return System.nanoTime();
	}

	/** The clock read inside the engine: {@code Clock.systemUTC().millis()} through a {@code Clock} field. */
	@Benchmark
	public long systemClockMillis(ClockState state) {
		return state.clock.millis();
	}

}
