package io.github.codeartifact.http;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.github.codeartifact.test.RecordedCall;
import io.github.codeartifact.token.CodeArtifactTokenException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CodeArtifactExchangeFilterFunction} with a real {@link WebClient} (on the JDK
 * HTTP client) against the emulator's package repository and a second plain HTTP server.
 */
class CodeArtifactExchangeFilterFunctionTests extends AbstractRepositoryAndOtherServerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private WebClient webClient(CountingTokenProvider provider, AuthScheme scheme, String... configuredHosts) {
		return WebClient.builder()
			.clientConnector(new JdkClientHttpConnector())
			.filter(new CodeArtifactExchangeFilterFunction(provider, this.repository.hosts(configuredHosts), scheme))
			.build();
	}

	private static Answer get(WebClient client, URI uri, String... header) {
		return client.get()
			.uri(uri)
			.headers((headers) -> {
				if (header.length == 2) {
					headers.set(header[0], header[1]);
				}
			})
			.exchangeToMono((response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> new Answer(response.statusCode().value(), body)))
			.block(TIMEOUT);
	}

	@Test
	void sendsTheTokenToTheRepositoryAndNotToAnotherHostOnTheSameClient() {
		CountingTokenProvider provider = validTokens();
		WebClient client = webClient(provider, AuthScheme.BASIC);
		Answer metadata = get(client, this.repository.resolvedMetadata());
		assertThat(metadata.status()).isEqualTo(200);
		assertThat(metadata.body()).contains("<version>1.0.0</version>");
		assertThat(get(client, this.other.uri("/a")).status()).isEqualTo(200);
		assertThat(this.other.authorizations()).containsExactly(Optional.empty());
		assertThat(provider.refreshes()).isZero();
	}

	@Test
	void configuredHostGetsTheTokenButNeverOverTheCallersHeader() {
		CountingTokenProvider provider = validTokens();
		WebClient client = webClient(provider, AuthScheme.BEARER, "127.0.0.1:" + this.other.port());
		get(client, this.other.uri("/a"));
		get(client, this.other.uri("/b"), HttpHeaders.AUTHORIZATION, "Basic the-callers-own");
		assertThat(this.other.authorizations()).containsExactly(Optional.of("Bearer " + provider.currentToken()),
				Optional.of("Basic the-callers-own"));
	}

	@Test
	void aRejectedTokenIsRefreshedOnceAndTheRequestRetriedOnce() {
		CountingTokenProvider provider = new CountingTokenProvider("revoked-token", this.repository::newToken);
		Answer metadata = get(webClient(provider, AuthScheme.BASIC), this.repository.resolvedMetadata());
		assertThat(metadata.status()).isEqualTo(200);
		assertThat(provider.refreshes()).isEqualTo(1);
		assertThat(this.repository.packageRequests()).extracting(RecordedCall::status).containsExactly(401, 200);
	}

	@Test
	void aTokenRejectedAgainGivesTheCaller401() {
		CountingTokenProvider provider = new CountingTokenProvider("revoked-token", () -> "still-revoked");
		Answer metadata = get(webClient(provider, AuthScheme.BASIC), this.repository.resolvedMetadata());
		assertThat(metadata.status()).isEqualTo(401);
		assertThat(provider.refreshes()).isEqualTo(1);
		assertThat(this.repository.packageRequests()).extracting(RecordedCall::status).containsExactly(401, 401);
	}

	@Test
	void aFailedRefreshGivesTheCallerTheFirst401() {
		CountingTokenProvider provider = new CountingTokenProvider("revoked-token", () -> {
			throw new CodeArtifactTokenException("GetAuthorizationToken failed", "AccessDeniedException",
					EmulatorRepository.DOMAIN, false, null);
		});
		Answer metadata = get(webClient(provider, AuthScheme.BASIC), this.repository.resolvedMetadata());
		assertThat(metadata.status()).isEqualTo(401);
		assertThat(metadata.body()).contains("Unauthorized");
		assertThat(provider.refreshes()).isEqualTo(1);
		assertThat(this.repository.packageRequests()).extracting(RecordedCall::status).containsExactly(401);
	}

	@Test
	void otherHostsPassThroughUntouched() {
		CountingTokenProvider provider = new CountingTokenProvider("unused", () -> "unused");
		Mono<Integer> status = webClient(provider, AuthScheme.BASIC).get()
			.uri(this.other.uri("/a"))
			.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
		assertThat(status.block(TIMEOUT)).isEqualTo(200);
		assertThat(provider.gets()).isZero();
	}

	record Answer(int status, String body) {
	}

}
