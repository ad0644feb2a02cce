package io.github.codeartifact.http;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.CodeArtifactTokenProvider;

/**
 * A token provider that starts with a given token, gets its next token from a supplier on
 * {@link #refresh()}, and counts both kinds of calls.
 */
final class CountingTokenProvider implements CodeArtifactTokenProvider {

	private final Supplier<String> refreshed;

	private final AtomicInteger gets = new AtomicInteger();

	private final AtomicInteger refreshes = new AtomicInteger();

	private volatile String token;

	private volatile String afterFirstGet;

	CountingTokenProvider(String initial, Supplier<String> refreshed) {
		this.token = initial;
		this.refreshed = refreshed;
	}

	@Override
	public AuthorizationToken getAuthorizationToken() {
		int get = this.gets.incrementAndGet();
		String replacement = this.afterFirstGet;
		if (get > 1 && replacement != null) {
			this.token = replacement;
		}
		return token(this.token);
	}

	@Override
	public AuthorizationToken refresh() {
		this.refreshes.incrementAndGet();
		this.token = this.refreshed.get();
		return token(this.token);
	}

	/**
	 * Makes every get after the first return another token, as if another caller had refreshed.
	 */
	void replaceAfterFirstGet(String replacement) {
		this.afterFirstGet = replacement;
	}

	String currentToken() {
		return this.token;
	}

	int gets() {
		return this.gets.get();
	}

	int refreshes() {
		return this.refreshes.get();
	}

	private static AuthorizationToken token(String value) {
		Instant now = Instant.now();
		return new AuthorizationToken(value, now.plusSeconds(3600), now);
	}

}
