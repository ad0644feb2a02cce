package io.github.codeartifact.repository;

import java.time.Duration;
import java.time.Instant;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.autoconfigure.CodeArtifactClientCustomizer;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.AuthorizationTokenFetcher;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CodeArtifactRepositoryAutoConfiguration}: the endpoints' callers wait for another
 * caller's call as long as the client's API call timeout allows, plus a second.
 */
class CodeArtifactRepositoryAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
				CodeArtifactRepositoryAutoConfiguration.class))
		.withBean(AwsCredentialsProvider.class, AnonymousCredentialsProvider::create)
		// No AWS call: tokens come from a fetcher of the test
		.withBean(AuthorizationTokenFetcher.class, () -> () -> {
			Instant now = Instant.now();
			return new AuthorizationToken("test-token", now.plus(Duration.ofHours(12)), now);
		})
		.withPropertyValues("codeartifact.domain=my-domain", "codeartifact.region=us-east-1");

	@Test
	void callersWaitTheDefaultApiCallTimeoutPlusASecond() {
		this.runner.run((context) -> assertThat(context.getBean(CodeArtifactRepositoryEndpoints.class).maxWait())
			.isEqualTo(Duration.ofSeconds(31)));
	}

	@Test
	void callersWaitTheConfiguredApiCallTimeoutPlusASecond() {
		this.runner
			.withPropertyValues("codeartifact.client.api-call-attempt-timeout=5s",
					"codeartifact.client.api-call-timeout=5s")
			.run((context) -> assertThat(context.getBean(CodeArtifactRepositoryEndpoints.class).maxWait())
				.isEqualTo(Duration.ofSeconds(6)));
	}

	@Test
	void callersWaitTheApiCallTimeoutACustomizerSet() {
		this.runner
			.withBean(CodeArtifactClientCustomizer.class,
					() -> (builder) -> builder.overrideConfiguration((o) -> o.apiCallTimeout(Duration.ofMinutes(1))))
			.run((context) -> assertThat(context.getBean(CodeArtifactRepositoryEndpoints.class).maxWait())
				.isEqualTo(Duration.ofSeconds(61)));
	}

	@Test
	void callersOfTheApplicationsClientWithoutApiCallTimeoutWaitTheDefault() {
		this.runner.withBean(CodeartifactClient.class,
				() -> CodeartifactClient.builder()
					.region(Region.US_EAST_1)
					.credentialsProvider(AnonymousCredentialsProvider.create())
					.build())
			.run((context) -> assertThat(context.getBean(CodeArtifactRepositoryEndpoints.class).maxWait())
				.isEqualTo(Duration.ofSeconds(31)));
	}

}
