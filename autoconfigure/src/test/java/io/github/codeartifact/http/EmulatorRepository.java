package io.github.codeartifact.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.repository.EmulatorClients;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.Operation;
import io.github.codeartifact.test.RecordedCall;
import io.github.codeartifact.token.SdkAuthorizationTokenFetcher;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

/**
 * An emulator with a seeded Maven package, its client, a token fetcher and the repository
 * endpoints, for the HTTP authentication tests.
 */
final class EmulatorRepository implements AutoCloseable {

	static final String DOMAIN = "my-domain";

	static final String OWNER = "111122223333";

	static final String METADATA = "com/example/lib/maven-metadata.xml";

	final CodeArtifactEmulator emulator;

	final CodeartifactClient client;

	final SdkAuthorizationTokenFetcher fetcher;

	final CodeArtifactRepositoryEndpoints endpoints;

	EmulatorRepository() {
		this.emulator = CodeArtifactEmulator.builder().domain(DOMAIN, OWNER).repository(DOMAIN, "my-repo").build();
		this.emulator.seedMavenPackage(DOMAIN, "my-repo", "com.example", "lib", "1.0.0", "1.1.0");
		this.client = EmulatorClients.client(this.emulator);
		this.fetcher = new SdkAuthorizationTokenFetcher(this.client, DOMAIN, OWNER, Duration.ofHours(1),
				Clock.systemUTC());
		this.endpoints = new CodeArtifactRepositoryEndpoints(this.client, DOMAIN, OWNER);
	}

	String newToken() {
		return this.fetcher.fetch().token();
	}

	/** Resolves the Maven endpoint and returns the URI of the seeded metadata below it. */
	URI resolvedMetadata() {
		return this.endpoints.endpoint("my-repo", PackageFormat.MAVEN).resolve(METADATA);
	}

	/** The URI of the seeded metadata, without resolving the endpoint. */
	URI metadata() {
		return this.emulator.repositoryEndpoint(DOMAIN, "my-repo", "maven").resolve(METADATA);
	}

	List<RecordedCall> packageRequests() {
		return this.emulator.calls(Operation.PACKAGE_REQUEST);
	}

	CodeArtifactRepositoryHosts hosts(String... configured) {
		return new CodeArtifactRepositoryHosts(List.of(configured), this.endpoints::isResolvedOrigin);
	}

	static String basic(String token) {
		return "Basic " + Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.client.close();
		this.emulator.close();
	}

}
