package io.github.codeartifact.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.jar.JarInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the token-gated package repository behind the repository endpoints.
 */
class PackageRepositoryTests extends EmulatorClientTestBase {

	private SignedRequests http;

	private URI metadata;

	@Override
	void configure(CodeArtifactEmulator.Builder builder) {
		builder.domain("other-domain", "444455556666").repository("other-domain", "my-repo");
	}

	@BeforeEach
	void seed() {
		this.http = new SignedRequests(this.emulator);
		List<String> paths = this.emulator.seedMavenPackage("my-domain", "my-repo", "com.example", "lib", "1.0.0",
				"1.1.0");
		assertThat(paths).contains("com/example/lib/maven-metadata.xml", "com/example/lib/1.0.0/lib-1.0.0.pom",
				"com/example/lib/1.1.0/lib-1.1.0.jar", "com/example/lib/1.1.0/lib-1.1.0.jar.sha1");
		this.metadata = URI.create(endpoint() + "com/example/lib/maven-metadata.xml");
	}

	@Test
	void basicWithUserAwsAndTokenIsServed() {
		HttpResponse<String> response = get(this.metadata, basic("aws", token()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/xml");
		assertThat(response.body()).contains("<groupId>com.example</groupId>", "<artifactId>lib</artifactId>",
				"<latest>1.1.0</latest>", "<version>1.0.0</version>", "<lastUpdated>20300101000000</lastUpdated>");
	}

	@Test
	void bearerTokenIsServed() {
		HttpResponse<String> response = get(URI.create(endpoint() + "com/example/lib/1.0.0/lib-1.0.0.pom"),
				"Bearer " + token());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<version>1.0.0</version>");
	}

	@Test
	void jarIsARealJar() throws IOException {
		String token = token();
		HttpResponse<byte[]> response = getBytes(URI.create(endpoint() + "com/example/lib/1.1.0/lib-1.1.0.jar"),
				basic("aws", token));
		assertThat(response.statusCode()).isEqualTo(200);
		try (JarInputStream jar = new JarInputStream(new ByteArrayInputStream(response.body()))) {
			assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version")).isEqualTo("1.1.0");
			assertThat(jar.getNextJarEntry().getName()).isEqualTo("lib.properties");
		}
	}

	@Test
	void seededFileIsServedVerbatim() {
		this.emulator.putPackageFile("my-domain", "my-repo", "com/example/other/maven-metadata.xml",
				"<metadata/>".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = get(URI.create(endpoint() + "com/example/other/maven-metadata.xml"),
				"Bearer " + token());
		assertThat(response.body()).isEqualTo("<metadata/>");
	}

	@Test
	void missingHeaderIsUnauthorized() {
		assertUnauthorized(this.http.get(this.metadata, Map.of()));
	}

	@Test
	void wrongUserIsUnauthorized() {
		assertUnauthorized(get(this.metadata, basic("admin", token())));
	}

	@Test
	void unknownTokenIsUnauthorized() {
		assertUnauthorized(get(this.metadata, basic("aws", "not-a-token")));
		assertUnauthorized(get(this.metadata, "Bearer not-a-token"));
	}

	@Test
	void tokenOfAnotherDomainIsUnauthorized() {
		String otherToken = this.client.getAuthorizationToken((request) -> request.domain("other-domain"))
			.authorizationToken();
		assertUnauthorized(get(this.metadata, "Bearer " + otherToken));
	}

	@Test
	void tokenStopsWorkingWhenTheClockPassesItsExpiration() {
		this.emulator.forceTokenLifetime(Duration.ofSeconds(2));
		String token = token();
		assertThat(get(this.metadata, "Bearer " + token).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMillis(1999));
		assertThat(get(this.metadata, "Bearer " + token).statusCode()).isEqualTo(200);
		this.clock.advance(Duration.ofMillis(1));
		assertUnauthorized(get(this.metadata, "Bearer " + token));
		assertThat(this.emulator.isIssuedToken(token)).isTrue();
		assertThat(this.emulator.isValidToken(token)).isFalse();
	}

	@Test
	void unknownFileIsNotFound() {
		HttpResponse<String> response = get(URI.create(endpoint() + "com/example/nothing/maven-metadata.xml"),
				"Bearer " + token());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void unknownRepositoryIsNotFound() {
		HttpResponse<String> response = get(
				URI.create(this.emulator.endpoint() + "/my-domain-111122223333/maven/nope/com/example/lib/maven-metadata.xml"),
				"Bearer " + token());
		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void packageRequestsAreRecordedWithoutCredentials() {
		String token = token();
		get(this.metadata, "Bearer " + token);
		this.http.get(this.metadata, Map.of());
		List<RecordedCall> calls = this.emulator.calls(Operation.PACKAGE_REQUEST);
		assertThat(calls).extracting(RecordedCall::status).containsExactly(200, 401);
		assertThat(calls.get(0).parameters()).containsEntry("domain", "my-domain")
			.containsEntry("repository", "my-repo")
			.containsEntry("format", "maven")
			.containsEntry("path", "com/example/lib/maven-metadata.xml");
		assertThat(calls.get(0).parameters().values()).noneMatch((value) -> value.contains(token));
	}

	private String endpoint() {
		return this.client
			.getRepositoryEndpoint((request) -> request.domain("my-domain").repository("my-repo").format("maven"))
			.repositoryEndpoint();
	}

	private String token() {
		return this.client.getAuthorizationToken((request) -> request.domain("my-domain")).authorizationToken();
	}

	private HttpResponse<String> get(URI uri, String authorization) {
		return this.http.get(uri, Map.of("Authorization", authorization));
	}

	private HttpResponse<byte[]> getBytes(URI uri, String authorization) {
		return this.http.getBytes(uri, Map.of("Authorization", authorization));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(value) -> assertThat(value).startsWith("Basic realm="));
	}

}
