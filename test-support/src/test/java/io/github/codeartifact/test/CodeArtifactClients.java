package io.github.codeartifact.test;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.CodeartifactClientBuilder;

/**
 * Builds real SDK clients pointed at an emulator, without retries so that every call is
 * one request.
 */
final class CodeArtifactClients {

	private CodeArtifactClients() {
	}

	static CodeartifactClient client(CodeArtifactEmulator emulator) {
		return client(emulator, "test", "test", Duration.ofSeconds(10));
	}

	static CodeartifactClient client(CodeArtifactEmulator emulator, String accessKeyId, String secretAccessKey) {
		return client(emulator, accessKeyId, secretAccessKey, Duration.ofSeconds(10));
	}

	static CodeartifactClient client(CodeArtifactEmulator emulator, Duration apiCallTimeout) {
		return client(emulator, "test", "test", apiCallTimeout);
	}

	static CodeartifactClient client(CodeArtifactEmulator emulator, String accessKeyId, String secretAccessKey,
			Duration apiCallTimeout) {
		return builder(emulator, accessKeyId, secretAccessKey)
			.overrideConfiguration((configuration) -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry())
				.apiCallTimeout(apiCallTimeout))
			.build();
	}

	/**
	 * Fetches a token for a domain the way a build would before running its tools.
	 * @param emulator the emulator
	 * @param domain the domain
	 * @return the token
	 */
	static String token(CodeArtifactEmulator emulator, String domain) {
		try (CodeartifactClient client = client(emulator)) {
			return client.getAuthorizationToken((request) -> request.domain(domain)).authorizationToken();
		}
	}

	/**
	 * Returns a builder signing with {@code test}/{@code test}, without retries nor timeouts of
	 * its own. {@code overrideConfiguration(Consumer)} replaces the retry setting: set it again there.
	 * @param emulator the emulator
	 * @return the builder
	 */
	static CodeartifactClientBuilder builder(CodeArtifactEmulator emulator) {
		return builder(emulator, "test", "test");
	}

	private static CodeartifactClientBuilder builder(CodeArtifactEmulator emulator, String accessKeyId,
			String secretAccessKey) {
		return CodeartifactClient.builder()
			.endpointOverride(emulator.endpoint())
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.overrideConfiguration((configuration) -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()));
	}

}
