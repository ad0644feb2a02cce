package io.github.codeartifact.benchmarks;

import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenStatus;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The real {@link RefreshingCodeArtifactTokenProvider}, started and primed with a twelve-hour token:
 * its next refresh is hours away. Shared by all benchmark threads, as the application's bean is.
 */
@State(Scope.Benchmark)
public class FreshTokenState {

	/** Seen through the interface, as an application injects it. */
	CodeArtifactTokenProvider provider;

	private RefreshingCodeArtifactTokenProvider engine;

	@Setup(Level.Trial)
	public void setUp() {
		this.engine = Tokens.provider(Tokens::longLived, Tokens.LONG_WAIT);
		this.engine.start();
		this.engine.awaitFirstToken();
		this.provider = this.engine;
		Checks.status(this.engine, TokenStatus.FRESH, "after priming");
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		Checks.status(this.engine, TokenStatus.FRESH, "after the measurement");
		this.engine.close();
	}

}
