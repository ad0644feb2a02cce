package io.github.codeartifact.test;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codeartifact.model.EndpointType;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.codeartifact.model.GetRepositoryEndpointResponse;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the successful answers of {@link CodeArtifactEmulator}'s API operations.
 */
class CodeArtifactEmulatorOperationsTests extends EmulatorClientTestBase {

	@Override
	void configure(CodeArtifactEmulator.Builder builder) {
		builder.repository("my-domain", "npm-only", "npm");
	}

	@Test
	void endpointIsLoopbackWithAnEphemeralPort() {
		assertThat(this.emulator.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+");
		assertThat(this.emulator.port()).isPositive();
	}

	@Test
	void absentDurationGivesTwelveHours() {
		GetAuthorizationTokenResponse response = this.client
			.getAuthorizationToken((request) -> request.domain("my-domain").domainOwner("111122223333"));
		assertThat(response.expiration()).isEqualTo(NOW.plus(Duration.ofHours(12)));
		assertThat(response.authorizationToken()).hasSizeGreaterThanOrEqualTo(1024).matches("[A-Za-z0-9_-]+");
		assertThat(this.emulator.isIssuedToken(response.authorizationToken())).isTrue();
		assertThat(this.emulator.isValidToken(response.authorizationToken())).isTrue();
	}

	@Test
	void durationZeroGivesTheRoleCredentialExpiry() {
		assertThat(expirationFor(0L)).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		this.emulator.roleCredentialExpiry(Duration.ofMinutes(42));
		assertThat(expirationFor(0L)).isEqualTo(NOW.plus(Duration.ofMinutes(42)));
	}

	@Test
	void durationsAtTheLimitsAreHonoured() {
		assertThat(expirationFor(900L)).isEqualTo(NOW.plusSeconds(900));
		assertThat(expirationFor(43200L)).isEqualTo(NOW.plusSeconds(43200));
		assertThat(expirationFor(3600L)).isEqualTo(NOW.plusSeconds(3600));
	}

	@Test
	void ownerMayBeOmitted() {
		GetAuthorizationTokenResponse response = this.client.getAuthorizationToken((request) -> request.domain("my-domain"));
		assertThat(response.expiration()).isEqualTo(NOW.plus(Duration.ofHours(12)));
	}

	@Test
	void forcedLifetimeOverridesTheDurationUntilCleared() {
		this.emulator.forceTokenLifetime(Duration.ofSeconds(2));
		assertThat(expirationFor(43200L)).isEqualTo(NOW.plusSeconds(2));
		assertThat(expirationFor(null)).isEqualTo(NOW.plusSeconds(2));
		this.emulator.forceTokenLifetime(Duration.ofMillis(1500));
		assertThat(expirationFor(null)).isEqualTo(NOW.plusMillis(1500));
		this.emulator.forceTokenLifetime(null);
		assertThat(expirationFor(900L)).isEqualTo(NOW.plusSeconds(900));
	}

	@Test
	void expirationFollowsTheSharedClock() {
		this.clock.advance(Duration.ofDays(3));
		assertThat(expirationFor(900L)).isEqualTo(NOW.plus(Duration.ofDays(3)).plusSeconds(900));
	}

	@Test
	void tokensAreUnique() {
		String first = this.client.getAuthorizationToken((request) -> request.domain("my-domain")).authorizationToken();
		String second = this.client.getAuthorizationToken((request) -> request.domain("my-domain")).authorizationToken();
		assertThat(first).isNotEqualTo(second);
		assertThat(this.emulator.issuedTokenCount()).isEqualTo(2);
		assertThat(this.emulator.isIssuedToken(first + "x")).isFalse();
	}

	@Test
	void repositoryEndpointMirrorsTheRealLayout() {
		GetRepositoryEndpointResponse response = this.client.getRepositoryEndpoint((request) -> request.domain("my-domain")
			.domainOwner("111122223333")
			.repository("my-repo")
			.format(PackageFormat.MAVEN));
		assertThat(response.repositoryEndpoint())
			.isEqualTo(this.emulator.endpoint() + "/my-domain-111122223333/maven/my-repo/");
		assertThat(this.emulator.repositoryEndpoint("my-domain", "my-repo", "maven").toString())
			.isEqualTo(response.repositoryEndpoint());
	}

	@Test
	void repositoryEndpointAcceptsEveryEndpointTypeAndFormat() {
		for (EndpointType type : new EndpointType[] { EndpointType.IPV4, EndpointType.DUALSTACK }) {
			for (String format : new String[] { "npm", "pypi", "maven", "nuget", "generic", "ruby", "swift", "cargo" }) {
				String endpoint = this.client
					.getRepositoryEndpoint((request) -> request.domain("my-domain")
						.repository("my-repo")
						.format(format)
						.endpointType(type))
					.repositoryEndpoint();
				assertThat(endpoint).endsWith("/my-domain-111122223333/" + format + "/my-repo/");
			}
		}
	}

	@Test
	void repositoryRestrictedToFormatsServesOnlyThose() {
		assertThat(this.client
			.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("npm-only").format("npm"))
			.repositoryEndpoint()).endsWith("/npm/npm-only/");
	}

	private Instant expirationFor(Long durationSeconds) {
		return this.client
			.getAuthorizationToken((request) -> request.domain("my-domain")
				.domainOwner("111122223333")
				.durationSeconds(durationSeconds))
			.expiration();
	}

}
