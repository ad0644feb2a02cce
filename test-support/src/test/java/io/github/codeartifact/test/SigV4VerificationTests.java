package io.github.codeartifact.test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the emulator's SigV4 verification.
 */
class SigV4VerificationTests {

	private CodeArtifactEmulator emulator;

	@BeforeEach
	void start() {
		this.emulator = CodeArtifactEmulator.builder()
			.domain("my-domain", "111122223333")
			.keyPair("test", "test")
			.keyPair("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
			.build();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void everyConfiguredKeyPairIsAccepted() {
		try (CodeartifactClient client = CodeArtifactClients.client(this.emulator, "AKIDEXAMPLE",
				"wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")) {
			assertThat(client.getAuthorizationToken((request) -> request.domain("my-domain")).authorizationToken())
				.isNotEmpty();
		}
	}

	@Test
	void wrongSecretIsInvalidSignature() {
		try (CodeartifactClient client = CodeArtifactClients.client(this.emulator, "test", "wrong")) {
			CodeartifactException ex = assertThatExceptionOfType(CodeartifactException.class)
				.isThrownBy(() -> client.getAuthorizationToken((request) -> request.domain("my-domain")))
				.actual();
			assertThat(ex.statusCode()).isEqualTo(403);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
		}
		assertThat(this.emulator.issuedTokenCount()).isZero();
	}

	@Test
	void unknownAccessKeyIsUnrecognizedClient() {
		try (CodeartifactClient client = CodeArtifactClients.client(this.emulator, "nobody", "test")) {
			CodeartifactException ex = assertThatExceptionOfType(CodeartifactException.class)
				.isThrownBy(() -> client.getRepositoryEndpoint(
						(request) -> request.domain("my-domain").repository("my-repo").format("maven")))
				.actual();
			assertThat(ex.statusCode()).isEqualTo(403);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
		}
	}

	@Test
	void missingAuthorizationIsRejected() {
		assertRepositoryEndpointRefused(new SignedRequests(this.emulator), Map.of(),
				"MissingAuthenticationTokenException");
	}

	@Test
	void garbledAuthorizationIsIncompleteSignature() {
		assertRepositoryEndpointRefused(new SignedRequests(this.emulator),
				Map.of("Authorization", "AWS4-HMAC-SHA256 Credential=test", "X-Amz-Date", "20300101T000000Z"),
				"IncompleteSignatureException");
	}

	@Test
	void forgedSignatureIsInvalidSignature() {
		SignedRequests raw = new SignedRequests(this.emulator);
		HttpResponse<String> signed = raw.send("GET", "/v1/repository/endpoint",
				Map.of("domain", "my-domain", "repository", "my-repo", "format", "maven"));
		// A valid signature reaches the operation: the repository is unknown here.
		assertThat(signed.statusCode()).isEqualTo(404);
		String forged = "AWS4-HMAC-SHA256 Credential=test/20300101/us-east-1/codeartifact/aws4_request, "
				+ "SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
		assertRepositoryEndpointRefused(raw, Map.of("Authorization", forged, "X-Amz-Date", "20300101T000000Z"),
				"InvalidSignatureException");
	}

	@Test
	void sessionTokenIsAccepted() {
		SignedRequests raw = new SignedRequests(this.emulator);
		HttpResponse<String> response = raw.sendWithSessionToken("POST", "/v1/authorization-token",
				Map.of("domain", "my-domain"), "session-token-value");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("{\"authorizationToken\":\"");
	}

	@Test
	void wrongRegionIsInvalidSignature() {
		try (CodeArtifactEmulator west = CodeArtifactEmulator.builder()
			.domain("my-domain", "111122223333")
			.region("eu-west-1")
			.build(); CodeartifactClient client = CodeArtifactClients.client(west)) {
			CodeartifactException ex = assertThatExceptionOfType(CodeartifactException.class)
				.isThrownBy(() -> client.getAuthorizationToken((request) -> request.domain("my-domain")))
				.actual();
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
			assertThat(ex.awsErrorDetails().errorMessage()).contains("region");
		}
	}

	/**
	 * Sends GetRepositoryEndpoint for my-domain/my-repo/maven with exactly the given
	 * headers, and asserts that the emulator refuses it with a 403 of that error type.
	 */
	private void assertRepositoryEndpointRefused(SignedRequests raw, Map<String, String> headers, String errorType) {
		HttpResponse<String> response = raw.get(URI.create(this.emulator.endpoint()
				+ "/v1/repository/endpoint?domain=my-domain&repository=my-repo&format=maven"), headers);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(errorType);
	}

}
