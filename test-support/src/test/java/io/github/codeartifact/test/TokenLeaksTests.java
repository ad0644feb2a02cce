package io.github.codeartifact.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TokenLeaks}: a leak scan is only worth its green if it finds a planted token.
 */
class TokenLeaksTests extends EmulatorClientTestBase {

	@Test
	void findsReceivedTokensIssuedTokensAndBasicCredentialsButNotCleanText() {
		String received = this.client.getAuthorizationToken((r) -> r.domain("my-domain")).authorizationToken();
		String neverReceived = this.client.getAuthorizationToken((r) -> r.domain("my-domain")).authorizationToken();
		String basic = Base64.getEncoder().encodeToString(("aws:" + received).getBytes(StandardCharsets.UTF_8));
		Map<String, String> places = new LinkedHashMap<>();
		places.put("clean log", "Fetched the first CodeArtifact token for domain 'my-domain', token=******");
		places.put("log with the token", "token is " + received + " oops");
		places.put("header", "Authorization: Basic " + basic);
		places.put("other token", "{\"t\":\"" + neverReceived + "\"}");
		places.put("look-alike", "x".repeat(2000));
		TokenLeaks leaks = TokenLeaks.of(this.emulator, List.of(received));
		assertThat(leaks.in(places, "the app")).containsExactly("log with the token",
				"log with the token (a token the app never received)", "other token (a token the app never received)");
		assertThat(leaks.alsoAsBasicCredentials().in(places, "the app")).contains("header");
		assertThat(leaks.in(Map.of("clean", places.get("clean log")), "the app")).isEmpty();
	}

}
