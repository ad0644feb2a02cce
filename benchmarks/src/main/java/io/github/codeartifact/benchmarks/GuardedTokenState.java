package io.github.codeartifact.benchmarks;

import java.time.Duration;
import java.time.Instant;

import io.github.codeartifact.token.AuthorizationToken;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The engine primed with a ten-minute token: its refresh window is so close that the hot path
 * checks it on both clocks from the start (the guarded phase that every token reaches five
 * minutes before its refresh window). Its refresh is minutes away, past any trial.
 */
@State(Scope.Benchmark)
public class GuardedTokenState extends PrimedEngineState {

	@Override
	AuthorizationToken token() {
		Instant now = Instant.now();
		return new AuthorizationToken(Tokens.VALUE, now.plus(Duration.ofMinutes(10)), now);
	}

}
