package io.github.codeartifact.http;

import java.util.Optional;

import io.github.codeartifact.test.RecordedCall;
import io.github.codeartifact.token.CodeArtifactTokenException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CodeArtifactAuthInterceptor} with a real {@link RestClient} against the
 * emulator's package repository and a second plain HTTP server. Both listen on 127.0.0.1 on
 * different ports: a resolved endpoint is trusted for its scheme, host and port only, so the other
 * server is another host to the interceptor.
 */
class CodeArtifactAuthInterceptorTests extends AbstractRepositoryAndOtherServerTests {

	private RestClient restClient(CountingTokenProvider provider, AuthScheme scheme, String... configuredHosts) {
		CodeArtifactAuthInterceptor interceptor = new CodeArtifactAuthInterceptor(provider,
				this.repository.hosts(configuredHosts), scheme);
		return new CodeArtifactRestClientCustomizer(interceptor).builder().build();
	}

	@Test
	void sendsTheTokenToTheRepositoryAndNotToAnotherHostOnTheSameClient() {
		CountingTokenProvider provider = validTokens();
		RestClient client = restClient(provider, AuthScheme.BASIC);
		String metadata = client.get().uri(this.repository.resolvedMetadata()).retrieve().body(String.class);
		assertThat(metadata).contains("<version>1.0.0</version>", "<version>1.1.0</version>");
		assertThat(this.repository.packageRequests()).singleElement().satisfies((call) -> assertThat(call.status())
			.isEqualTo(200));
		assertThat(client.get().uri(this.other.uri("/file")).retrieve().body(String.class)).isEqualTo("hello\n");
		assertThat(this.other.authorizations()).containsExactly(Optional.empty());
		assertThat(provider.gets()).isEqualTo(1);
		assertThat(provider.refreshes()).isZero();
	}

	@Test
	void anEndpointNotResolvedYetGetsNoToken() {
		CountingTokenProvider provider = validTokens();
		RestClient client = restClient(provider, AuthScheme.BASIC);
		assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class)
			.isThrownBy(() -> client.get().uri(this.repository.metadata()).retrieve().body(String.class));
		assertThat(provider.gets()).isZero();
		assertThat(provider.refreshes()).isZero();
	}

	@Test
	void configuredHostsGetTheTokenAndNamesAreComparedAsWritten() {
		CountingTokenProvider provider = validTokens();
		restClient(provider, AuthScheme.BASIC, "localhost:" + this.other.port()).get()
			.uri(this.other.uri("/a"))
			.retrieve()
			.toBodilessEntity();
		restClient(provider, AuthScheme.BASIC, "127.0.0.1:" + this.other.port()).get()
			.uri(this.other.uri("/b"))
			.retrieve()
			.toBodilessEntity();
		assertThat(this.other.authorizations()).containsExactly(Optional.empty(),
				Optional.of(EmulatorRepository.basic(provider.currentToken())));
	}

	@Test
	void neverOverwritesTheCallersAuthorization() {
		CountingTokenProvider provider = validTokens();
		RestClient client = restClient(provider, AuthScheme.BASIC, "127.0.0.1");
		client.get()
			.uri(this.other.uri("/a"))
			.header(HttpHeaders.AUTHORIZATION, "Bearer the-callers-own")
			.retrieve()
			.toBodilessEntity();
		assertThat(this.other.authorizations()).containsExactly(Optional.of("Bearer the-callers-own"));
		assertThat(provider.gets()).isZero();
	}

	@Test
	void aCallersAuthorizationRejectedByTheRepositoryIsNotRetried() {
		CountingTokenProvider provider = validTokens();
		RestClient client = restClient(provider, AuthScheme.BASIC);
		assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class).isThrownBy(() -> client.get()
			.uri(this.repository.resolvedMetadata())
			.header(HttpHeaders.AUTHORIZATION, "Bearer the-callers-own")
			.retrieve()
			.body(String.class));
		assertThat(provider.refreshes()).isZero();
		assertThat(this.repository.packageRequests()).hasSize(1);
	}

	@Test
	void aRejectedTokenIsRefreshedOnceAndTheRequestRetriedOnce() {
		CountingTokenProvider provider = new CountingTokenProvider("revoked-token", this.repository::newToken);
		RestClient client = restClient(provider, AuthScheme.BASIC);
		String metadata = client.get().uri(this.repository.resolvedMetadata()).retrieve().body(String.class);
		assertThat(metadata).contains("<version>1.1.0</version>");
		assertThat(provider.refreshes()).isEqualTo(1);
		assertThat(this.repository.packageRequests()).extracting(RecordedCall::status).containsExactly(401, 200);
	}

	@Test
	void aTokenRejectedAgainAfterTheRefreshGivesTheCallerThe401() {
		CountingTokenProvider provider = new CountingTokenProvider("revoked-token", () -> "still-revoked");
		RestClient client = restClient(provider, AuthScheme.BASIC);
		assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class)
			.isThrownBy(() -> client.get().uri(this.repository.resolvedMetadata()).retrieve().body(String.class))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("revoked"));
		assertThat(provider.refreshes()).isEqualTo(1);
		assertThat(this.repository.packageRequests()).extracting(RecordedCall::status).containsExactly(401, 401);
	}

	@Test
	void aFailedRefreshGivesTheCallerThe401WithoutRetry() {
		CountingTokenProvider provider = new CountingTokenProvider("revoked-token", () -> {
			throw new CodeArtifactTokenException("GetAuthorizationToken failed", "AccessDeniedException",
					EmulatorRepository.DOMAIN, false, null);
		});
		RestClient client = restClient(provider, AuthScheme.BASIC);
		assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class)
			.isThrownBy(() -> client.get().uri(this.repository.resolvedMetadata()).retrieve().body(String.class));
		assertThat(provider.refreshes()).isEqualTo(1);
		assertThat(this.repository.packageRequests()).extracting(RecordedCall::status).containsExactly(401);
	}

	@Test
	void aTokenAlreadyReplacedByAnotherCallerIsUsedWithoutRefresh() {
		CountingTokenProvider provider = new CountingTokenProvider("revoked-token", this.repository::newToken);
		provider.replaceAfterFirstGet(this.repository.newToken());
		RestClient client = restClient(provider, AuthScheme.BASIC);
		assertThat(client.get().uri(this.repository.resolvedMetadata()).retrieve().body(String.class))
			.contains("<version>1.0.0</version>");
		assertThat(provider.refreshes()).isZero();
		assertThat(this.repository.packageRequests()).extracting(RecordedCall::status).containsExactly(401, 200);
	}

	@Test
	void bearerScheme() {
		CountingTokenProvider provider = validTokens();
		RestClient client = restClient(provider, AuthScheme.BEARER, "127.0.0.1:" + this.other.port());
		assertThat(client.get().uri(this.repository.resolvedMetadata()).retrieve().body(String.class))
			.contains("<metadata>");
		client.get().uri(this.other.uri("/a")).retrieve().toBodilessEntity();
		assertThat(this.other.authorizations()).containsExactly(Optional.of("Bearer " + provider.currentToken()));
	}

	@Test
	void restTemplateThroughTheCustomizer() {
		CountingTokenProvider provider = new CountingTokenProvider("revoked-token", this.repository::newToken);
		CodeArtifactRestClientCustomizer customizer = new CodeArtifactRestClientCustomizer(
				new CodeArtifactAuthInterceptor(provider, this.repository.hosts(), AuthScheme.BASIC));
		RestTemplate restTemplate = new RestTemplate();
		customizer.customize(restTemplate);
		customizer.customize(restTemplate);
		assertThat(restTemplate.getInterceptors()).containsExactly(customizer.interceptor());
		assertThat(restTemplate.getForObject(this.repository.resolvedMetadata(), String.class))
			.contains("<version>1.0.0</version>");
		assertThat(provider.refreshes()).isEqualTo(1);
		assertThat(this.repository.packageRequests()).extracting(RecordedCall::status).containsExactly(401, 200);
	}

	@Test
	void theBuilderCustomizerAddsTheInterceptorOnce() {
		CodeArtifactRestClientCustomizer customizer = new CodeArtifactRestClientCustomizer(
				new CodeArtifactAuthInterceptor(validTokens(), this.repository.hosts(), AuthScheme.BASIC));
		RestClient.Builder builder = RestClient.builder();
		customizer.customize(builder);
		customizer.customize(builder);
		builder.requestInterceptors((interceptors) -> assertThat(interceptors)
			.containsExactly(customizer.interceptor()));
	}

}
