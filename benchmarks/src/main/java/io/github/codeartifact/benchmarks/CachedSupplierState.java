package io.github.codeartifact.benchmarks;

import java.time.Duration;
import java.time.Instant;

import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.RefreshResult;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The AWS SDK's {@link CachedSupplier}, which its credentials and token providers cache with, holding
 * a value whose stale and prefetch times are a year away; primed.
 */
@State(Scope.Benchmark)
public class CachedSupplierState {

	CachedSupplier<String> supplier;

	@Setup(Level.Trial)
	public void setUp() {
		Instant farFuture = Instant.now().plus(Duration.ofDays(365));
		this.supplier = CachedSupplier
			.builder(() -> RefreshResult.builder(Tokens.VALUE).staleTime(farFuture).prefetchTime(farFuture).build())
			.build();
		this.supplier.get();
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.supplier.close();
	}

}
