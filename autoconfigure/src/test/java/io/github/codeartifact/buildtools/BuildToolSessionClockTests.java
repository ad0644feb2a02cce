package io.github.codeartifact.buildtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.repository.EmulatorClients;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.MutableClock;
import io.github.codeartifact.test.Operation;
import io.github.codeartifact.test.PackageRequestGate;
import io.github.codeartifact.test.RecordedCall;
import io.github.codeartifact.test.WrapperMaven;
import io.github.codeartifact.token.AuthorizationToken;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.SdkAuthorizationTokenFetcher;
import io.github.codeartifact.token.TokenRefreshListener;
import io.github.codeartifact.token.TokenRefreshSettings;
import io.github.codeartifact.token.VirtualTimeScheduler;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sessions against the emulator with the engine's clock driven by the test: the real SDK fetches
 * 1 h tokens, the emulator checks them by the same clock, and the real {@code mvn} holds the
 * session's token. Near a token's end, {@code open} fetches a new one first; a build outlives the
 * token in service (it is replaced, and its predecessor expires, while {@code mvn} is running); a
 * deploy with a token the emulator no longer accepts fails.
 */
class BuildToolSessionClockTests {

	private static final String DOMAIN = CodeArtifactEmulator.DEFAULT_DOMAIN;

	private static final String OWNER = CodeArtifactEmulator.DEFAULT_OWNER;

	private static final String REPOSITORY = CodeArtifactEmulator.DEFAULT_REPOSITORY;

	private static final Duration STALE_MARGIN = TokenRefreshSettings.DEFAULT_STALE_MARGIN;

	/** Twenty minutes before the end of the first 1 h token, before its refresh window opens. */
	private static final Duration NEAR_THE_END = Duration.ofMinutes(40);

	@TempDir
	Path temp;

	private final MutableClock clock = MutableClock.startingAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	private final VirtualTimeScheduler scheduler = new VirtualTimeScheduler(this.clock);

	private CodeArtifactEmulator emulator;

	private CodeartifactClient client;

	private RefreshingCodeArtifactTokenProvider provider;

	private CodeArtifactBuildTools buildTools;

	@BeforeEach
	void start() {
		this.emulator = CodeArtifactEmulator.builder().domain(DOMAIN, OWNER).repository(DOMAIN, REPOSITORY)
			.clock(this.clock)
			.build();
		this.client = EmulatorClients.client(this.emulator);
		this.provider = new RefreshingCodeArtifactTokenProvider(DOMAIN,
				new SdkAuthorizationTokenFetcher(this.client, DOMAIN, OWNER, Duration.ofHours(1), this.clock),
				TokenRefreshSettings.defaults(), this.clock, this.scheduler, TokenRefreshListener.NONE,
				new SplittableRandom(7));
		this.buildTools = new CodeArtifactBuildTools(this.provider,
				new CodeArtifactRepositoryEndpoints(this.client, DOMAIN, OWNER),
				List.of(new BuildToolRepository("codeartifact", REPOSITORY, PackageFormat.MAVEN, null, "*")),
				STALE_MARGIN, DOMAIN, this.clock);
		this.provider.start();
		this.scheduler.runDue();
	}

	@AfterEach
	void stop() {
		this.provider.close();
		this.client.close();
		this.emulator.close();
	}

	@Test
	void openNearTheTokensEndFetchesANewOneFirst() {
		AuthorizationToken first = this.provider.getAuthorizationToken();
		this.scheduler.advance(NEAR_THE_END);
		assertThat(this.emulator.authorizationTokenCallCount()).isOne();
		try (BuildToolSession session = driving(() -> this.buildTools.open(Duration.ofMinutes(30)))) {
			String token = session.environment().get(BuildToolSession.CODEARTIFACT_AUTH_TOKEN);
			assertThat(this.emulator.authorizationTokenCallCount()).isEqualTo(2);
			assertThat(token).isNotEqualTo(first.token()).isEqualTo(this.provider.getToken());
			assertThat(this.emulator.isValidToken(token)).isTrue();
			assertThat(session.expiration()).isAfterOrEqualTo(this.clock.instant().plus(Duration.ofMinutes(31)));
			assertThat(this.provider.state().forcedRefreshCount()).isZero();
		}
	}

	@Test
	void aBuildStartedWithASessionOutlivesTheTokenInService() throws Exception {
		Path mvn = BuildToolSessionToolTests.maven();
		this.emulator.seedMavenPackage(DOMAIN, REPOSITORY, "com.example.emulator", "demo-lib", "1.1.0");
		this.emulator.seedMavenPackage(DOMAIN, REPOSITORY, "com.example.emulator", "other-lib", "1.0.0");
		AuthorizationToken first = this.provider.getAuthorizationToken();
		this.scheduler.advance(NEAR_THE_END);
		Duration run = Duration.ofMinutes(55);
		// The build's second half: the download of other-lib's jar waits until the test lets it through
		PackageRequestGate gate = this.emulator.holdPackageRequest("other-lib-1.0.0.jar", Duration.ofMinutes(1));
		try (BuildToolSession session = driving(() -> this.buildTools.open(run))) {
			String token = session.environment().get(BuildToolSession.CODEARTIFACT_AUTH_TOKEN);
			CompletableFuture<BuildToolProcess.Result> build = CompletableFuture.supplyAsync(
					() -> run(session, true, session.mavenCommand(command(mvn, "compile"))));
			assertThat(gate.awaitArrival(Duration.ofSeconds(60))).as("mvn reached other-lib's jar").isTrue();
			// Mid-build, within the run the session was opened for, the token in service is replaced
			Instant end = this.clock.instant().plus(run);
			while (this.provider.getToken().equals(token) && this.clock.instant().isBefore(end)) {
				this.scheduler.advance(Duration.ofMinutes(1));
			}
			String inService = this.provider.getToken();
			assertThat(inService).as("the token in service was refreshed mid-build").isNotEqualTo(token);
			assertThat(this.emulator.isValidToken(first.token())).as("the token in service at the start").isFalse();
			Instant released = this.clock.instant();
			gate.release();
			BuildToolProcess.Result result = build.get();
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(this.temp.resolve("repository/com/example/emulator/other-lib/1.0.0/other-lib-1.0.0.jar"))
				.isRegularFile();
			RecordedCall held = this.emulator.calls(Operation.PACKAGE_REQUEST)
				.stream()
				.filter((call) -> String.valueOf(call.parameters().get("path")).endsWith("other-lib-1.0.0.jar"))
				.filter((call) -> "GET".equals(call.parameters().get("method")))
				.findFirst()
				.orElseThrow();
			assertThat(held.time()).isAfterOrEqualTo(released);
			assertThat(held.status()).isEqualTo(200);
		}
	}

	@Test
	void deployingWithATokenTheServiceNoLongerAcceptsFails() throws Exception {
		Path mvn = BuildToolSessionToolTests.maven();
		try (BuildToolSession session = driving(() -> this.buildTools.open(Duration.ofMinutes(10)))) {
			// The build ran far longer than the session was opened for: its token has expired
			this.scheduler.advance(Duration.ofHours(2));
			assertThat(this.emulator.isValidToken(session.environment().get(BuildToolSession.CODEARTIFACT_AUTH_TOKEN)))
				.isFalse();
			// No dependencies: the build gets as far as the upload, which the emulator refuses
			List<String> command = command(mvn, "package");
			command.add("org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy");
			BuildToolProcess.Result result = run(session, false, session.mavenCommand(command));
			assertThat(result.exitCode()).as(result.toString()).isNotZero();
			assertThat(result.output()).contains("401");
			assertThat(this.emulator.calls(Operation.PACKAGE_REQUEST)).isNotEmpty()
				.allSatisfy((call) -> assertThat(call.status()).isEqualTo(401))
				.anySatisfy((call) -> assertThat(call.parameters()).containsEntry("method", "PUT"));
		}
		assertThat(this.emulator.packageFile(DOMAIN, REPOSITORY, "maven", "it/consumer/maven-metadata.xml")).isNull();
	}

	/** Runs a call on its own thread while this one runs the fetches that fall due. */
	private <T> T driving(Supplier<T> call) {
		CompletableFuture<T> result = CompletableFuture.supplyAsync(call);
		Awaitility.await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
			this.scheduler.runDue();
			return result.isDone();
		});
		return result.join();
	}

	private BuildToolProcess.Result run(BuildToolSession session, boolean dependencies, List<String> command) {
		try {
			return BuildToolProcess.run(session, project(dependencies), this.temp, Map.of(), command);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private List<String> command(Path mvn, String goal) {
		return new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-C", "-DskipTests",
				"-Dmaven.repo.local=" + this.temp.resolve("repository"),
				"-Dmaven.repo.local.tail=" + WrapperMaven.userRepository(), goal));
	}

	/** The consumer project, with or without its two dependencies, deploying as {@code codeartifact}. */
	private Path project(boolean dependencies) throws IOException {
		Path project = Files.createDirectories(this.temp.resolve("project"));
		String endpoint = this.emulator.repositoryEndpoint(DOMAIN, REPOSITORY, "maven").toString();
		Files.writeString(project.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
				+ "  <modelVersion>4.0.0</modelVersion>\n  <groupId>it</groupId><artifactId>consumer</artifactId>"
				+ "<version>1.0.0</version>\n  <properties><maven.compiler.release>17</maven.compiler.release>"
				+ "<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>\n"
				+ (dependencies ? "  <dependencies><dependency><groupId>com.example.emulator</groupId><artifactId>demo-lib</artifactId>"
				+ "<version>1.1.0</version></dependency><dependency><groupId>com.example.emulator</groupId>"
				+ "<artifactId>other-lib</artifactId><version>1.0.0</version></dependency></dependencies>\n" : "")
				+ "  <distributionManagement><repository><id>codeartifact</id><url>" + endpoint
				+ "</url></repository></distributionManagement>\n</project>\n");
		return project;
	}

}
