package io.github.codeartifact.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.codeartifact.model.InternalServerException;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for each fault the emulator can inject and for how many calls it lasts.
 */
class FaultInjectionTests extends EmulatorClientTestBase {

	@Test
	void throttlingLastsForItsCountThenCallsSucceed() {
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING).retryAfter(Duration.ofSeconds(7)), 2);
		for (int i = 0; i < 2; i++) {
			assertThat(assertThatExceptionOfType(ThrottlingException.class).isThrownBy(this::getToken)
				.actual()
				.retryAfterSeconds()).isEqualTo(7);
		}
		assertThat(this.emulator.pendingFaults()).isZero();
		assertThat(getToken().authorizationToken()).isNotEmpty();
	}

	@Test
	void internalServerErrorLastsForItsCount() {
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.INTERNAL_SERVER), 1);
		assertThatExceptionOfType(InternalServerException.class).isThrownBy(this::getToken)
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(500));
		assertThat(getToken().authorizationToken()).isNotEmpty();
	}

	@Test
	void bareStatusHasNoModeledType() {
		this.emulator.enqueueFault(EmulatorFault.status(503).retryAfter(Duration.ofSeconds(1)), 1);
		CodeartifactException ex = assertThatExceptionOfType(CodeartifactException.class).isThrownBy(this::getToken)
			.actual();
		assertThat(ex.statusCode()).isEqualTo(503);
		assertThat(ex).isNotInstanceOf(InternalServerException.class);
		assertThat(this.emulator.calls().get(0).errorType()).isNull();
		assertThat(getToken().authorizationToken()).isNotEmpty();
	}

	@Test
	void latencyLongerThanTheClientTimeoutTimesOut() {
		this.emulator.enqueueFault(EmulatorFault.latency(Duration.ofSeconds(5)), 1);
		try (CodeartifactClient impatient = CodeArtifactClients.client(this.emulator, Duration.ofMillis(300))) {
			assertThatExceptionOfType(ApiCallTimeoutException.class)
				.isThrownBy(() -> impatient.getAuthorizationToken((request) -> request.domain("my-domain")));
		}
	}

	@Test
	void latencyShorterThanTheClientTimeoutStillAnswers() {
		this.emulator.enqueueFault(EmulatorFault.latency(Duration.ofMillis(50)), 1);
		assertThat(getToken().expiration()).isEqualTo(NOW.plus(Duration.ofHours(12)));
		assertThat(this.emulator.calls().get(0).fault()).isNotNull();
	}

	@Test
	void connectionResetIsAClientException() {
		// HttpURLConnection silently resends a request once when the connection breaks
		// before any response byte, so two resets reach the SDK as one failure.
		this.emulator.enqueueFault(EmulatorFault.connectionReset(), 2);
		assertThatExceptionOfType(SdkClientException.class).isThrownBy(this::getToken);
		assertThat(this.emulator.calls()).hasSize(2).allMatch(RecordedCall::connectionReset);
		assertThat(getToken().authorizationToken()).isNotEmpty();
	}

	@Test
	void malformedBodyIsAClientException() {
		this.emulator.enqueueFault(EmulatorFault.malformedBody(), 1);
		assertThatExceptionOfType(SdkClientException.class).isThrownBy(this::getToken);
		assertThat(getToken().authorizationToken()).isNotEmpty();
	}

	@Test
	void missingFieldsGiveAnEmptyResponse() {
		this.emulator.enqueueFault(EmulatorFault.missingFields(), 2);
		GetAuthorizationTokenResponse response = getToken();
		assertThat(response.authorizationToken()).isNull();
		assertThat(response.expiration()).isNull();
		assertThat(this.client
			.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("my-repo").format("maven"))
			.repositoryEndpoint()).isNull();
	}

	@Test
	void expiredTokenHasAnExpirationInThePast() {
		this.emulator.enqueueFault(EmulatorFault.expiredToken(), 1);
		GetAuthorizationTokenResponse response = getToken();
		assertThat(response.expiration()).isBefore(NOW);
		assertThat(this.emulator.isIssuedToken(response.authorizationToken())).isTrue();
		assertThat(this.emulator.isValidToken(response.authorizationToken())).isFalse();
		assertThat(getToken().expiration()).isEqualTo(NOW.plus(Duration.ofHours(12)));
	}

	@Test
	void expiringTokenExpiresThatSoon() {
		this.emulator.enqueueFault(EmulatorFault.expiringIn(Duration.ofSeconds(30)), 1);
		assertThat(getToken().expiration()).isEqualTo(NOW.plusSeconds(30));
		assertThat(getToken().expiration()).isEqualTo(NOW.plus(Duration.ofHours(12)));
	}

	@Test
	void tokenFaultsLeaveGetRepositoryEndpointAlone() {
		this.emulator.enqueueFault(EmulatorFault.expiredToken(), 1);
		assertThat(this.client
			.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("my-repo").format("maven"))
			.repositoryEndpoint()).endsWith("/maven/my-repo/");
		assertThat(this.emulator.pendingFaults()).isEqualTo(1);
	}

	@Test
	void faultRestrictedToAnOperationSkipsOthers() {
		this.emulator.enqueueFault(
				EmulatorFault.error(CodeArtifactError.INTERNAL_SERVER).forOperation(Operation.GET_REPOSITORY_ENDPOINT), 1);
		assertThat(getToken().authorizationToken()).isNotEmpty();
		assertThatExceptionOfType(InternalServerException.class).isThrownBy(() -> this.client
			.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("my-repo").format("maven")));
	}

	@Test
	void faultsApplyInTheOrderQueued() {
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING), 1);
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.INTERNAL_SERVER), 1);
		assertThatExceptionOfType(ThrottlingException.class).isThrownBy(this::getToken);
		assertThatExceptionOfType(InternalServerException.class).isThrownBy(this::getToken);
		assertThat(getToken().authorizationToken()).isNotEmpty();
	}

	@Test
	void clearFaultsDropsThemAll() {
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING), 5);
		this.emulator.clearFaults();
		assertThat(getToken().authorizationToken()).isNotEmpty();
	}

	@Test
	void faultsDoNotApplyToPackageRequests() {
		this.emulator.enqueueFault(EmulatorFault.connectionReset(), 1);
		new SignedRequests(this.emulator).get(this.emulator.repositoryEndpoint("my-domain", "my-repo", "maven"),
				java.util.Map.of());
		assertThat(this.emulator.pendingFaults()).isEqualTo(1);
	}

	@Test
	void misuseIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.enqueueFault(EmulatorFault.connectionReset(), 0));
		assertThatIllegalStateException().isThrownBy(() -> EmulatorFault.latency(Duration.ZERO).retryAfter(Duration.ZERO));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EmulatorFault.connectionReset().forOperation(Operation.PACKAGE_REQUEST));
		assertThatIllegalStateException()
			.isThrownBy(() -> EmulatorFault.expiredToken().forOperation(Operation.GET_REPOSITORY_ENDPOINT));
	}

	private GetAuthorizationTokenResponse getToken() {
		return this.client.getAuthorizationToken((request) -> request.domain("my-domain"));
	}

}
