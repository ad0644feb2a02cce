package io.github.codeartifact.benchmarks;

import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.TokenStatus;

final class Checks {

	private Checks() {
	}

	static void status(RefreshingCodeArtifactTokenProvider engine, TokenStatus expected, String when) {
		TokenStatus status = engine.state().status();
		if (status != expected) {
			throw new IllegalStateException("Engine is " + status + ", not " + expected + ", " + when);
		}
	}

}
