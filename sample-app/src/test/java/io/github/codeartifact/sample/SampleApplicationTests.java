package io.github.codeartifact.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.Operation;
import io.github.codeartifact.test.WrapperMaven;
import io.github.codeartifact.token.CodeArtifactTokenProvider;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Boots the sample on a random port against its embedded emulator and calls it over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	/** The plugins the {@code mvn compile} of {@code POST /builds} runs: Maven's defaults. */
	private static final List<String> PLUGINS = List.of("maven-resources-plugin/3.4.0",
			"maven-compiler-plugin/3.15.0");

	@LocalServerPort
	private int port;

	@Autowired
	private CodeArtifactTokenProvider tokenProvider;

	@Autowired
	private CodeArtifactEmulator emulator;

	private ResponseEntity<String> get(String path) {
		return exchange(HttpMethod.GET, path);
	}

	private ResponseEntity<String> exchange(HttpMethod method, String path) {
		return RestClient.create("http://127.0.0.1:" + this.port)
			.method(method)
			.uri(path)
			.retrieve()
			.onStatus((status) -> true, (request, response) -> {
			})
			.toEntity(String.class);
	}

	@Test
	void listsTheVersionsOfAPackageWithoutTheToken() {
		// Only this test's calls: the context, and its emulator, are shared with POST /builds, whose mvn
		// answers the repository's 401 challenge
		this.emulator.resetCalls();
		ResponseEntity<String> response = get("/packages/com.example/demo-lib");
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).contains("\"versions\":[\"1.0.0\",\"1.1.0\",\"2.0.0\"]")
			.contains("\"latest\":\"2.0.0\"", "\"release\":\"2.0.0\"")
			.contains("\"repositoryEndpoint\":\"" + this.emulator.repositoryEndpoint("demo-domain", "demo-repo", "maven"))
			.contains("\"tokenExpiration\":\"")
			.doesNotContain(this.tokenProvider.getToken());
		// The repository was asked with the token: its answer was a 200, not a 401.
		assertThat(this.emulator.calls(Operation.PACKAGE_REQUEST))
			.anyMatch((call) -> call.succeeded()
					&& "com/example/demo-lib/maven-metadata.xml".equals(call.parameters().get("path")))
			.noneMatch((call) -> call.status() == 401);
	}

	@Test
	void unknownPackageIsNotFoundAndBadCoordinatesAreRejected() {
		assertThat(get("/packages/com.example/missing").getStatusCode().value()).isEqualTo(404);
		assertThat(get("/packages/com.example/demo-lib..x").getStatusCode().value()).isEqualTo(400);
	}

	@Test
	void actuatorEndpointsAnswerWithoutTheToken() {
		String token = this.tokenProvider.getToken();
		ResponseEntity<String> codeartifact = get("/actuator/codeartifact");
		assertThat(codeartifact.getStatusCode().value()).isEqualTo(200);
		assertThat(codeartifact.getBody()).contains("\"domain\":\"demo-domain\"", "\"status\":\"FRESH\"")
			.doesNotContain(token);
		ResponseEntity<String> health = get("/actuator/health");
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody()).contains("\"codeartifact\"", "\"status\":\"UP\"").doesNotContain(token);
		ResponseEntity<String> metrics = get("/actuator/metrics/codeartifact.token.refresh");
		assertThat(metrics.getStatusCode().value()).isEqualTo(200);
		assertThat(metrics.getBody()).contains("\"name\":\"codeartifact.token.refresh\"");
	}

	/**
	 * {@code POST /builds} runs the real {@code mvn} of the wrapper against the embedded emulator
	 * with a build-tool session: it resolves {@code com.example:demo-lib:[1.0,)} to 2.0.0 from the
	 * repository, and the answer never holds the token. Skipped, with the reason, when the
	 * wrapper's Maven or its default plugins are not installed.
	 */
	@Test
	void buildRunsTheRealMavenWithASessionAndAnswersTheResolvedArtifact() {
		assumeTrue(WrapperMaven.find().isPresent(),
				"The wrapper's Maven distribution is not in ~/.m2/wrapper/dists: run ./mvnw once");
		Path plugins = WrapperMaven.userRepository().resolve("org/apache/maven/plugins");
		assumeTrue(PLUGINS.stream().allMatch((plugin) -> Files.isDirectory(plugins.resolve(plugin))),
				"Maven plugins " + PLUGINS + " are not in " + plugins + " (.ci/run fetches them)");
		ResponseEntity<String> response = exchange(HttpMethod.POST, "/builds");
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		String endpoint = this.emulator.repositoryEndpoint("demo-domain", "demo-repo", "maven").toString();
		assertThat(response.getBody()).contains("\"exitCode\":0", "\"artifact\":\"com.example:demo-lib:2.0.0\"",
				"\"repositoryId\":\"codeartifact\"", "\"resolvedFrom\":\"" + endpoint + "\"")
			.doesNotContain(this.tokenProvider.getToken());
		// mvn itself fetched the jar from the emulator with the session's token (Maven sends it after
		// the repository's first 401 challenge, so a 401 without credentials comes first)
		assertThat(this.emulator.calls(Operation.PACKAGE_REQUEST)).anyMatch((call) -> call.succeeded()
				&& "com/example/demo-lib/2.0.0/demo-lib-2.0.0.jar".equals(call.parameters().get("path")));
	}

}
