package io.github.codeartifact.benchmarks;

import io.github.codeartifact.token.AuthorizationToken;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The engine primed with a twelve-hour token: its next refresh is hours away, and the hot path
 * reads one clock.
 */
@State(Scope.Benchmark)
public class FreshTokenState extends PrimedEngineState {

	@Override
	AuthorizationToken token() {
		return Tokens.longLived();
	}

}
