package io.github.codeartifact.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.codeartifact.model.InternalServerException;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ResourceType;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that every modeled error surfaces as the SDK's modeled exception class.
 */
class CodeArtifactEmulatorErrorTests extends EmulatorClientTestBase {

	@Override
	void configure(CodeArtifactEmulator.Builder builder) {
		builder.domain("other-domain", "444455556666").repository("my-domain", "npm-only", "npm");
	}

	@Test
	void unknownDomainIsResourceNotFound() {
		ResourceNotFoundException ex = assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain("no-such-domain")))
			.actual();
		assertThat(ex.statusCode()).isEqualTo(404);
		assertThat(ex.resourceType()).isEqualTo(ResourceType.DOMAIN);
		assertThat(ex.resourceId()).isEqualTo("no-such-domain");
	}

	@Test
	void unknownRepositoryIsResourceNotFound() {
		ResourceNotFoundException ex = assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> this.client.getRepositoryEndpoint(
					(request) -> request.domain("my-domain").repository("no-repo").format("maven")))
			.actual();
		assertThat(ex.resourceType()).isEqualTo(ResourceType.REPOSITORY);
		assertThat(ex.resourceId()).isEqualTo("no-repo");
	}

	@Test
	void formatTheRepositoryDoesNotServeIsResourceNotFound() {
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(() -> this.client
			.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("npm-only").format("maven")));
	}

	@Test
	void ownerThatDoesNotOwnTheDomainIsAccessDenied() {
		AccessDeniedException ex = assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.client
				.getAuthorizationToken((request) -> request.domain("my-domain").domainOwner("444455556666")))
			.actual();
		assertThat(ex.statusCode()).isEqualTo(403);
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> this.client.getRepositoryEndpoint(
				(request) -> request.domain("my-domain").domainOwner("444455556666").repository("my-repo").format("maven")));
	}

	@Test
	void throttlingCarriesRetryAfterSeconds() {
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING).retryAfter(Duration.ofSeconds(3)), 1);
		ThrottlingException ex = assertThatExceptionOfType(ThrottlingException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain("my-domain")))
			.actual();
		assertThat(ex.statusCode()).isEqualTo(429);
		assertThat(ex.retryAfterSeconds()).isEqualTo(3);
		assertThat(ex.isThrottlingException()).isTrue();
	}

	@Test
	void throttlingWithoutRetryAfterHasNone() {
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING), 1);
		ThrottlingException ex = assertThatExceptionOfType(ThrottlingException.class)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain("my-domain")))
			.actual();
		assertThat(ex.retryAfterSeconds()).isNull();
	}

	@Test
	void everyModeledErrorMapsToItsExceptionClass() {
		assertErrorMapsTo(CodeArtifactError.ACCESS_DENIED, AccessDeniedException.class);
		assertErrorMapsTo(CodeArtifactError.VALIDATION, ValidationException.class);
		assertErrorMapsTo(CodeArtifactError.RESOURCE_NOT_FOUND, ResourceNotFoundException.class);
		assertErrorMapsTo(CodeArtifactError.THROTTLING, ThrottlingException.class);
		assertErrorMapsTo(CodeArtifactError.INTERNAL_SERVER, InternalServerException.class);
	}

	private void assertErrorMapsTo(CodeArtifactError error, Class<? extends CodeartifactException> type) {
		this.emulator.enqueueFault(EmulatorFault.error(error), 2);
		CodeartifactException onToken = assertThatExceptionOfType(type)
			.isThrownBy(() -> this.client.getAuthorizationToken((request) -> request.domain("my-domain")))
			.actual();
		assertThat(onToken.statusCode()).isEqualTo(error.status());
		assertThat(onToken.awsErrorDetails().errorCode()).isEqualTo(error.errorType());
		assertThat(onToken.awsErrorDetails().errorMessage()).isEqualTo("Injected " + error.errorType());
		assertThatExceptionOfType(type).isThrownBy(() -> this.client
			.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("my-repo").format("maven")));
	}

}
