package io.github.codeartifact.test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Issues opaque tokens and remembers them for the package repository's checks.
 */
final class TokenRegistry {

	// 800 random bytes give 1067 base64url characters: as long as a real token or longer.
	private static final int TOKEN_BYTES = 800;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();

	IssuedToken issue(String domain, String owner, Instant expiration) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		IssuedToken token = new IssuedToken(value, domain, owner, expiration);
		this.tokens.put(value, token);
		return token;
	}

	@Nullable IssuedToken find(String value) {
		return this.tokens.get(value);
	}

	int size() {
		return this.tokens.size();
	}

}
