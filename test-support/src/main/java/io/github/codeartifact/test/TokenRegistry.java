package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

/**
 * Issues opaque tokens and remembers them for the package repository's checks. A token is
 * evicted once it expires by the emulator's clock: only a short digest of it is kept (of
 * the last {@value #REMEMBERED_EXPIRED_TOKENS} expired ones), so that leak scans still know
 * it was issued.
 */
final class TokenRegistry {

	static final int REMEMBERED_EXPIRED_TOKENS = 100_000;

	// 800 random bytes give 1067 base64url characters: as long as a real token or longer.
	private static final int TOKEN_BYTES = 800;

	private static final int DIGEST_BYTES = 16;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	private final int rememberedExpired;

	private final Map<String, IssuedToken> live = new HashMap<>();

	private final PriorityQueue<IssuedToken> byExpiration = new PriorityQueue<>(
			Comparator.comparing(IssuedToken::expiration));

	private final Map<String, Boolean> expiredDigests;

	private int issued;

	TokenRegistry(Clock clock) {
		this(clock, REMEMBERED_EXPIRED_TOKENS);
	}

	TokenRegistry(Clock clock, int rememberedExpired) {
		this.clock = clock;
		this.rememberedExpired = rememberedExpired;
		this.expiredDigests = new LinkedHashMap<>() {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > TokenRegistry.this.rememberedExpired;
			}

		};
	}

	synchronized IssuedToken issue(String domain, String owner, Instant expiration) {
		evictExpired();
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		IssuedToken token = new IssuedToken(value, domain, owner, expiration);
		this.live.put(value, token);
		this.byExpiration.add(token);
		this.issued++;
		return token;
	}

	/**
	 * Returns a token that has not expired.
	 * @param value the token
	 * @return the token, or {@code null} when unknown or expired
	 */
	synchronized @Nullable IssuedToken find(String value) {
		evictExpired();
		return this.live.get(value);
	}

	/**
	 * Returns whether a token was issued here, expired or not.
	 * @param value the token
	 * @return {@code true} for a token issued here (up to the remembered expired ones)
	 */
	synchronized boolean wasIssued(String value) {
		evictExpired();
		return this.live.containsKey(value) || this.expiredDigests.containsKey(digest(value));
	}

	/**
	 * Returns how many tokens were issued, evicted ones included.
	 * @return the count
	 */
	synchronized int issuedCount() {
		return this.issued;
	}

	/**
	 * Returns how many unexpired tokens are held.
	 * @return the count
	 */
	synchronized int liveCount() {
		evictExpired();
		return this.live.size();
	}

	private void evictExpired() {
		Instant now = this.clock.instant();
		while (!this.byExpiration.isEmpty() && !this.byExpiration.peek().isValidAt(now)) {
			IssuedToken expired = this.byExpiration.poll();
			this.live.remove(expired.value());
			this.expiredDigests.put(digest(expired.value()), Boolean.TRUE);
		}
	}

	private static String digest(String value) {
		return Digests.hex("SHA-256", value.getBytes(StandardCharsets.US_ASCII)).substring(0, 2 * DIGEST_BYTES);
	}

}
