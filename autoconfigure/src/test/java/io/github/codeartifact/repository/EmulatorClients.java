package io.github.codeartifact.repository;

import java.time.Duration;

import io.github.codeartifact.test.CodeArtifactEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClientBuilder;

/**
 * A real SDK client for an emulator, without SDK retries, as the starter builds it.
 */
public final class EmulatorClients {

	private EmulatorClients() {
	}

	public static CodeartifactClient client(CodeArtifactEmulator emulator) {
		return builder(emulator).build();
	}

	/**
	 * Returns a builder of such a client, for a test that needs more settings. Note that
	 * {@code overrideConfiguration(Consumer)} replaces the retry setting: set it again there.
	 * @param emulator the emulator
	 * @return the builder
	 */
	public static CodeartifactClientBuilder builder(CodeArtifactEmulator emulator) {
		return CodeartifactClient.builder()
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.region(Region.of(emulator.region()))
			.endpointOverride(emulator.endpoint())
			.httpClientBuilder(UrlConnectionHttpClient.builder()
				.connectionTimeout(Duration.ofSeconds(5))
				.socketTimeout(Duration.ofSeconds(10)))
			.overrideConfiguration((override) -> override.retryStrategy(AwsRetryStrategy.doNotRetry()));
	}

}
