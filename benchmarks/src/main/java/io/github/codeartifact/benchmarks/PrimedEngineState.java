package io.github.codeartifact.benchmarks;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenStatus;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The real {@link RefreshingCodeArtifactTokenProvider}, started and primed with the token of
 * {@link #token()}, fresh for the whole trial. Shared by all benchmark threads, as the
 * application's bean is.
 */
abstract class PrimedEngineState {

	/** Seen through the interface, as an application injects it. */
	CodeArtifactTokenProvider provider;

	private RefreshingCodeArtifactTokenProvider engine;

	/** Returns the token the stub fetcher answers. */
	abstract AuthorizationToken token();

	@Setup(Level.Trial)
	public void setUp() {
		this.engine = Tokens.provider(this::token, Tokens.LONG_WAIT);
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
