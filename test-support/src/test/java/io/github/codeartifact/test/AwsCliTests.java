package io.github.codeartifact.test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the emulator with the official AWS CLI, when {@code aws} is on the PATH.
 */
class AwsCliTests {

	private static final Pattern TOKEN = Pattern.compile("\"authorizationToken\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern EXPIRATION = Pattern.compile("\"expiration\"\\s*:\\s*(\"[^\"]+\"|[0-9.]+)");

	private static final Pattern ENDPOINT = Pattern.compile("\"repositoryEndpoint\"\\s*:\\s*\"([^\"]+)\"");

	private static final long TIMEOUT_SECONDS = 60;

	@TempDir
	Path temp;

	private @Nullable Path aws;

	private CodeArtifactEmulator emulator;

	@BeforeEach
	void start() throws IOException, InterruptedException {
		this.aws = findAwsCliV2();
		assumeTrue(this.aws != null, "The official AWS CLI v2 ('aws', version aws-cli/2.x) is not on the PATH: "
				+ "skipping the AWS CLI tests (.ci/run installs it with apt-get install awscli)");
		this.emulator = CodeArtifactEmulator.builder()
			.domain("my-domain", "111122223333")
			.repository("my-domain", "my-repo")
			.build();
	}

	@AfterEach
	void stop() {
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	@Test
	void getAuthorizationTokenAndRepositoryEndpoint() throws Exception {
		CliResult token = aws("test", "get-authorization-token", "--domain", "my-domain", "--domain-owner",
				"111122223333", "--duration-seconds", "900");
		assertThat(token.exitCode()).as(token.stderr()).isZero();
		Matcher tokenMatch = TOKEN.matcher(token.stdout());
		assertThat(tokenMatch.find()).as(token.stdout()).isTrue();
		assertThat(this.emulator.isValidToken(tokenMatch.group(1))).isTrue();
		assertThat(EXPIRATION.matcher(token.stdout()).find()).isTrue();
		assertThat(this.emulator.authorizationTokenCalls()).singleElement()
			.satisfies((call) -> assertThat(call.parameters()).containsEntry("duration", "900"));
		CliResult endpoint = aws("test", "get-repository-endpoint", "--domain", "my-domain", "--domain-owner",
				"111122223333", "--repository", "my-repo", "--format", "maven");
		assertThat(endpoint.exitCode()).as(endpoint.stderr()).isZero();
		Matcher endpointMatch = ENDPOINT.matcher(endpoint.stdout());
		assertThat(endpointMatch.find()).as(endpoint.stdout()).isTrue();
		assertThat(endpointMatch.group(1))
			.isEqualTo(this.emulator.repositoryEndpoint("my-domain", "my-repo", "maven").toString());
	}

	@Test
	void everyModeledErrorReachesTheCli() throws Exception {
		assertCliError(aws("test", "get-authorization-token", "--domain", "my-domain", "--domain-owner", "444455556666"),
				"AccessDeniedException");
		assertCliError(aws("test", "get-authorization-token", "--domain", "my-domain", "--duration-seconds", "1"),
				"ValidationException");
		assertCliError(aws("test", "get-authorization-token", "--domain", "no-such-domain"),
				"ResourceNotFoundException");
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.THROTTLING).retryAfter(Duration.ofSeconds(1)), 1);
		assertCliError(aws("test", "get-authorization-token", "--domain", "my-domain"), "ThrottlingException");
		this.emulator.enqueueFault(EmulatorFault.error(CodeArtifactError.INTERNAL_SERVER), 1);
		assertCliError(aws("test", "get-repository-endpoint", "--domain", "my-domain", "--repository", "my-repo",
				"--format", "maven"), "InternalServerException");
	}

	@Test
	void wrongSecretIsInvalidSignature() throws Exception {
		assertCliError(aws("wrong", "get-authorization-token", "--domain", "my-domain"), "InvalidSignatureException");
		assertThat(this.emulator.issuedTokenCount()).isZero();
	}

	private void assertCliError(CliResult result, String errorCode) {
		assertThat(result.exitCode()).as(result.stderr()).isNotZero();
		assertThat(result.stderr()).contains("(" + errorCode + ")");
	}

	private CliResult aws(String secret, String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of(this.aws.toString(), "codeartifact"));
		line.addAll(List.of(command));
		line.addAll(List.of("--endpoint-url", this.emulator.endpoint().toString(), "--region", "us-east-1",
				"--output", "json"));
		ProcessBuilder builder = new ProcessBuilder(line);
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("AWS_"));
		environment.put("AWS_ACCESS_KEY_ID", "test");
		environment.put("AWS_SECRET_ACCESS_KEY", secret);
		environment.put("AWS_CONFIG_FILE", this.temp.resolve("no-config").toString());
		environment.put("AWS_SHARED_CREDENTIALS_FILE", this.temp.resolve("no-credentials").toString());
		environment.put("AWS_EC2_METADATA_DISABLED", "true");
		environment.put("AWS_PAGER", "");
		// One attempt per command, so that each queued fault is seen once.
		environment.put("AWS_MAX_ATTEMPTS", "1");
		Path stdout = Files.createTempFile(this.temp, "stdout", ".txt");
		Path stderr = Files.createTempFile(this.temp, "stderr", ".txt");
		builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
		Process process = builder.start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("aws " + String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
		}
		return new CliResult(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
				Files.readString(stderr, StandardCharsets.UTF_8));
	}

	/**
	 * Returns the first {@code aws} on the PATH that is the official CLI v2: a v1 (from pip, say) may
	 * come first on the PATH, and it is not the CLI we prove the emulator against.
	 */
	static @Nullable Path findAwsCliV2() throws IOException, InterruptedException {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, "aws");
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate) && isVersion2(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	private static boolean isVersion2(Path aws) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(aws.toString(), "--version").redirectErrorStream(true).start();
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return false;
		}
		String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		System.out.println("Found " + aws + ": " + version);
		return process.exitValue() == 0 && version.startsWith("aws-cli/2.");
	}

	private record CliResult(int exitCode, String stdout, String stderr) {

	}

}
