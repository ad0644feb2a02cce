package io.github.codeartifact.test;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the emulator's call recording.
 */
class CallRecordingTests extends EmulatorClientTestBase {

	@Test
	void everyCallIsRecordedWithTimeOperationParametersAndOutcome() {
		this.client.getAuthorizationToken((request) -> request.domain("my-domain").durationSeconds(900L));
		this.clock.advance(Duration.ofMinutes(1));
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING), 1);
		assertThatExceptionOfType(ThrottlingException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain("my-domain")));
		this.clock.advance(Duration.ofMinutes(1));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> this.client
			.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("my-repo").format("gradle")));
		List<RecordedCall> calls = this.emulator.calls();
		assertThat(calls).extracting(RecordedCall::time)
			.containsExactly(NOW, NOW.plusSeconds(60), NOW.plusSeconds(120));
		assertThat(calls).extracting(RecordedCall::operation)
			.containsExactly(Operation.GET_AUTHORIZATION_TOKEN, Operation.GET_AUTHORIZATION_TOKEN,
					Operation.GET_REPOSITORY_ENDPOINT);
		assertThat(calls).extracting(RecordedCall::status).containsExactly(200, 429, 400);
		assertThat(calls).extracting(RecordedCall::errorType)
			.containsExactly(null, "ThrottlingException", "ValidationException");
		assertThat(calls.get(0).parameters()).containsEntry("domain", "my-domain").containsEntry("duration", "900");
		assertThat(calls.get(0).succeeded()).isTrue();
		assertThat(calls.get(1).fault()).isNotNull()
			.satisfies((fault) -> assertThat(fault.error()).isEqualTo(CodeArtifactError.THROTTLING));
		assertThat(calls.get(2).parameters()).containsEntry("format", "gradle");
	}

	@Test
	void authorizationTokenCallsAreCountedAndResettable() {
		this.client.getAuthorizationToken((request) -> request.domain("my-domain"));
		this.client.getAuthorizationToken((request) -> request.domain("my-domain"));
		this.client.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("my-repo").format("npm"));
		assertThat(this.emulator.authorizationTokenCallCount()).isEqualTo(2);
		assertThat(this.emulator.authorizationTokenCalls()).hasSize(2);
		assertThat(this.emulator.calls(Operation.GET_REPOSITORY_ENDPOINT)).hasSize(1);
		this.emulator.resetCalls();
		assertThat(this.emulator.calls()).isEmpty();
		assertThat(this.emulator.authorizationTokenCallCount()).isZero();
	}

	@Test
	void rejectedSignaturesAreRecorded() {
		try (CodeartifactClient wrong = CodeArtifactClients.client(this.emulator, "test", "nope")) {
			assertThatExceptionOfType(Exception.class)
				.isThrownBy(() -> wrong.getAuthorizationToken((request) -> request.domain("my-domain")));
		}
		assertThat(this.emulator.authorizationTokenCalls()).singleElement()
			.satisfies((call) -> assertThat(call.errorType()).isEqualTo("InvalidSignatureException"));
	}

	@Test
	void unknownPathsAreRecorded() {
		new SignedRequests(this.emulator).send("GET", "/v1/packages", java.util.Map.of());
		assertThat(this.emulator.calls()).singleElement().satisfies((call) -> {
			assertThat(call.operation()).isEqualTo(Operation.UNKNOWN);
			assertThat(call.status()).isEqualTo(404);
		});
	}

}
