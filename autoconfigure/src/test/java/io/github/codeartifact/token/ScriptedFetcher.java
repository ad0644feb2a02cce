package io.github.codeartifact.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A fake {@link AuthorizationTokenFetcher}: plays scripted outcomes in order, then a default one.
 * Counts calls and records when they were made.
 */
final class ScriptedFetcher implements AuthorizationTokenFetcher {

	static final String DOMAIN = "my-domain";

	private final Clock clock;

	private final Deque<Function<Instant, AuthorizationToken>> script = new ArrayDeque<>();

	private final List<Instant> calls = new ArrayList<>();

	private Function<Instant, AuthorizationToken> fallback;

	private int issued;

	ScriptedFetcher(Clock clock, Duration lifetime) {
		this.clock = clock;
		this.fallback = lifetime(lifetime);
	}

	/** Answers tokens of the given lifetime once the script is played. */
	synchronized ScriptedFetcher thenAlways(Function<Instant, AuthorizationToken> outcome) {
		this.fallback = outcome;
		return this;
	}

	synchronized ScriptedFetcher then(Function<Instant, AuthorizationToken> outcome) {
		this.script.add(outcome);
		return this;
	}

	synchronized ScriptedFetcher thenFail(int times, CodeArtifactTokenException failure) {
		for (int i = 0; i < times; i++) {
			this.script.add(fail(failure));
		}
		return this;
	}

	@Override
	public AuthorizationToken fetch() {
		Function<Instant, AuthorizationToken> outcome;
		Instant now = this.clock.instant();
		synchronized (this) {
			this.calls.add(now);
			outcome = this.script.isEmpty() ? this.fallback : this.script.poll();
		}
		return outcome.apply(now);
	}

	synchronized int calls() {
		return this.calls.size();
	}

	synchronized List<Instant> callTimes() {
		return List.copyOf(this.calls);
	}

	Function<Instant, AuthorizationToken> lifetime(Duration lifetime) {
		return (now) -> new AuthorizationToken(nextSecret(), now.plus(lifetime), now);
	}

	Function<Instant, AuthorizationToken> token(Duration issuedAgo, Duration expiresIn) {
		return (now) -> new AuthorizationToken(nextSecret(), now.plus(expiresIn), now.minus(issuedAgo));
	}

	static Function<Instant, AuthorizationToken> fail(CodeArtifactTokenException failure) {
		return (now) -> {
			throw failure;
		};
	}

	/** Throws any throwable, checked ones included, as Kotlin code may. */
	@SuppressWarnings("unchecked")
	static <T extends Throwable> T sneaky(Throwable failure) throws T {
		throw (T) failure;
	}

	private synchronized String nextSecret() {
		return "secret-token-" + (++this.issued);
	}

	static CodeArtifactTokenException retryable(String errorCode) {
		return new CodeArtifactTokenException("GetAuthorizationToken failed for domain '" + DOMAIN + "': " + errorCode,
				errorCode, DOMAIN, true, null);
	}

	static CodeArtifactTokenException throttled(Duration retryAfter) {
		return new CodeArtifactTokenException("GetAuthorizationToken failed for domain '" + DOMAIN + "': throttled",
				"ThrottlingException", DOMAIN, true, retryAfter, null);
	}

	static CodeArtifactTokenException notRetryable(String errorCode) {
		return new CodeArtifactTokenException("GetAuthorizationToken failed for domain '" + DOMAIN + "': " + errorCode,
				errorCode, DOMAIN, false, null);
	}

}
