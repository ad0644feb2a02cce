package io.github.codeartifact.buildtools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.repository.EmulatorClients;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.MutableClock;
import io.github.codeartifact.test.PythonPackageFiles;
import io.github.codeartifact.token.RefreshingCodeArtifactTokenProvider;
import io.github.codeartifact.token.SdkAuthorizationTokenFetcher;
import io.github.codeartifact.token.TokenRefreshSettings;
import io.github.codeartifact.token.VirtualTimeScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With login files on, the real {@code mvn}, {@code npm}, {@code pip} and {@code twine} run with no session at
 * all, only with the files below a {@code HOME} of the test's own, and still resolve after the
 * emulator's token lifetime has passed twice: the engine and the emulator share a clock that the
 * test drives, so a refresh happens in virtual time and the files are rewritten with its token.
 * Without the rewrite the files would hold a token the emulator has expired, and the tools would
 * get HTTP 401. Each test is skipped, with the reason, when its tool is missing.
 */
class LoginFilesToolTests {

	private static final String DOMAIN = CodeArtifactEmulator.DEFAULT_DOMAIN;

	private static final String REPOSITORY = CodeArtifactEmulator.DEFAULT_REPOSITORY;

	/** The lifetime the engine asks for; the emulator honours it. */
	private static final Duration LIFETIME = Duration.ofMinutes(15);

	private static final List<BuildToolRepository> REPOSITORIES = List.of(
			new BuildToolRepository("codeartifact", REPOSITORY, PackageFormat.MAVEN, null, "*"),
			new BuildToolRepository("ca-npm", REPOSITORY, PackageFormat.NPM, null, null),
			new BuildToolRepository("ca-pypi", REPOSITORY, PackageFormat.PYPI, null, null));

	@TempDir
	Path temp;

	private Path home;

	private MutableClock clock;

	private VirtualTimeScheduler scheduler;

	private CodeArtifactEmulator emulator;

	private CodeartifactClient client;

	private RefreshingCodeArtifactTokenProvider provider;

	private BuildToolLoginFiles loginFiles;

	private int run;

	@BeforeEach
	void startEngineWithLoginFiles() {
		this.home = this.temp.resolve("home");
		this.clock = MutableClock.startingAt(Instant.now());
		this.scheduler = new VirtualTimeScheduler(this.clock);
		this.emulator = CodeArtifactEmulator.builder()
			.domain(DOMAIN, CodeArtifactEmulator.DEFAULT_OWNER)
			.repository(DOMAIN, REPOSITORY)
			.clock(this.clock).build();
		this.client = EmulatorClients.client(this.emulator);
		AtomicReference<CodeArtifactBuildTools> buildTools = new AtomicReference<>();
		this.loginFiles = new BuildToolLoginFiles(REPOSITORIES,
				LoginFilePaths.of(new CodeArtifactBuildToolsProperties.LoginFiles(), REPOSITORIES, this.home, null),
				PipIndex.INDEX_URL, false, () -> buildTools.get().resolvedRepositories(),
				() -> this.provider.getAuthorizationToken(), this.clock);
		this.provider = new RefreshingCodeArtifactTokenProvider(DOMAIN,
				new SdkAuthorizationTokenFetcher(this.client, DOMAIN, CodeArtifactEmulator.DEFAULT_OWNER, LIFETIME,
						this.clock),
				TokenRefreshSettings.defaults(), this.clock, this.scheduler, this.loginFiles, new SplittableRandom(7));
		buildTools.set(new CodeArtifactBuildTools(this.provider,
				new CodeArtifactRepositoryEndpoints(this.client, DOMAIN, CodeArtifactEmulator.DEFAULT_OWNER),
				REPOSITORIES, Duration.ofMinutes(1), DOMAIN, this.clock));
		this.provider.start();
		this.scheduler.runDue();
		this.loginFiles.start();
	}

	@AfterEach
	void stop() {
		if (this.provider != null) {
			this.loginFiles.stop();
			this.provider.close();
		}
		this.client.close();
		this.emulator.close();
	}

	@Test
	void mvnResolvesWithTheUsersSettingsAloneAfterTwoTokenLifetimes() throws Exception {
		Path mvn = BuildToolSessionToolTests.maven();
		this.emulator.seedMavenPackage(DOMAIN, REPOSITORY, "com.example.emulator", "demo-lib", "1.0.0", "1.1.0");
		// The user's own settings: a mirror to CodeArtifact; the login files add the server's password
		Path settings = this.home.resolve(".m2/settings.xml");
		Files.createDirectories(settings.getParent());
		Files.writeString(settings, "<settings>\n  <!-- the team's mirror -->\n  <mirrors><mirror><id>codeartifact</id>"
				+ "<mirrorOf>*</mirrorOf><url>" + this.emulator.repositoryEndpoint(DOMAIN, REPOSITORY, "maven")
				+ "</url></mirror></mirrors>\n</settings>\n");
		this.loginFiles.write(this.provider.getToken());
		String first = assertResolvedWithMaven(mvn, settings);
		outliveTwoLifetimes(first);
		assertResolvedWithMaven(mvn, settings);
		assertThat(Files.readString(settings)).contains("<!-- the team's mirror -->");
	}

	@Test
	void npmInstallsWithTheUsersNpmrcAloneAfterTwoTokenLifetimes() throws Exception {
		Path npm = BuildToolProcess.onPath("npm");
		assumeTrue(npm != null && BuildToolProcess.onPath("node") != null,
				"npm and node are not on the PATH: skipping the npm login-files test (.ci/run installs them with apt-get)");
		this.emulator.seedNpmPackage(DOMAIN, REPOSITORY, "demo-lib", "1.0.0", "1.1.0");
		String first = assertInstalledWithNpm(npm);
		outliveTwoLifetimes(first);
		assertInstalledWithNpm(npm);
	}

	@Test
	void pipInstallsWithTheUsersPipConfAloneAfterTwoTokenLifetimes() throws Exception {
		assumeTrue(BuildToolProcess.onPath("python3") != null,
				"python3 is not on the PATH: skipping the pip login-files test (.ci/run installs python3-pip)");
		BuildToolProcess.Result version = BuildToolProcess.runWithoutSession(this.temp, this.home,
				BuildToolSessionToolTests.PIP_QUIET, List.of("python3", "-m", "pip", "--version"));
		assumeTrue(version.exitCode() == 0, "python3 has no pip: skipping the pip login-files test");
		this.emulator.seedPythonPackage(DOMAIN, REPOSITORY, "demo-lib", "1.0.0", "1.1.0");
		String first = assertInstalledWithPip();
		outliveTwoLifetimes(first);
		assertInstalledWithPip();
	}

	@Test
	void twineUploadsWithTheUsersPypircAloneAfterTwoTokenLifetimes() throws Exception {
		assumeTrue(BuildToolProcess.onPath("twine") != null,
				"twine is not on the PATH: skipping the twine login-files test (.ci/run installs it with apt-get)");
		String first = assertUploadedWithTwine("1.0.0");
		outliveTwoLifetimes(first);
		assertUploadedWithTwine("1.1.0");
	}

	/**
	 * Lets two token lifetimes pass in virtual time: the engine refreshes on the way, and the
	 * emulator, on the same clock, expires the first token.
	 */
	private void outliveTwoLifetimes(String first) {
		this.scheduler.advance(LIFETIME.multipliedBy(2).plusMinutes(1));
		assertThat(this.emulator.isValidToken(first)).as("the first token has expired").isFalse();
		assertThat(this.provider.state().refreshCount()).isGreaterThanOrEqualTo(3);
	}

	/** Runs {@code mvn compile} with a new local repository, so that every artifact is downloaded. */
	private String assertResolvedWithMaven(Path mvn, Path settings) throws Exception {
		Path localRepository = this.temp.resolve("repository-" + (++this.run));
		List<String> command = new ArrayList<>(BuildToolSessionToolTests.mvnCommand(mvn, localRepository));
		command.addAll(1, List.of("-s", settings.toString()));
		BuildToolProcess.Result result = BuildToolProcess.runWithoutSession(
				BuildToolSessionToolTests.project(this.temp.resolve("project-" + this.run), null), this.home, Map.of(),
				command);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(localRepository.resolve("com/example/emulator/demo-lib/1.1.0/demo-lib-1.1.0.jar")).isRegularFile();
		return currentTokenInFiles(result.output());
	}

	/** Runs {@code npm install} in a new project with a new cache, so that every package is downloaded. */
	private String assertInstalledWithNpm(Path npm) throws Exception {
		Path app = Files.createDirectories(this.temp.resolve("app-" + (++this.run)));
		Files.writeString(app.resolve("package.json"),
				"{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,\"dependencies\":{\"demo-lib\":\"^1.0.0\"}}");
		BuildToolProcess.Result install = BuildToolProcess.runWithoutSession(app, this.home, Map.of(),
				List.of(npm.toString(), "install", "--no-audit", "--no-fund", "--no-update-notifier", "--cache",
						this.temp.resolve("npm-cache-" + this.run).toString()));
		assertThat(install.exitCode()).as(install.toString()).isZero();
		assertThat(Files.readString(app.resolve("node_modules/demo-lib/package.json"))).contains("\"1.1.0\"");
		return currentTokenInFiles(install.output());
	}

	/** Runs {@code pip install} into a new directory, without pip's cache. */
	private String assertInstalledWithPip() throws Exception {
		Path site = this.temp.resolve("site-" + (++this.run));
		BuildToolProcess.Result install = BuildToolProcess.runWithoutSession(this.temp, this.home,
				BuildToolSessionToolTests.PIP_QUIET,
				List.of("python3", "-m", "pip", "install", "--target", site.toString(), "demo-lib"));
		assertThat(install.exitCode()).as(install.toString()).isZero();
		assertThat(site.resolve("demo_lib-1.1.0.dist-info")).isDirectory();
		return currentTokenInFiles(install.output());
	}

	/** Runs {@code twine upload --repository codeartifact}: the URL, user and token come from {@code ~/.pypirc}. */
	private String assertUploadedWithTwine(String version) throws Exception {
		Path wheel = Files.write(this.temp.resolve(PythonPackageFiles.wheelName("uploaded-lib", version)),
				PythonPackageFiles.wheel("uploaded-lib", version));
		BuildToolProcess.Result upload = BuildToolProcess.runWithoutSession(this.temp, this.home,
				BuildToolSessionToolTests.PIP_QUIET, List.of("twine", "upload", "--repository", "codeartifact",
						"--non-interactive", "--disable-progress-bar", wheel.toString()));
		assertThat(upload.exitCode()).as(upload.toString()).isZero();
		assertThat(this.emulator.packageFile(DOMAIN, REPOSITORY, "pypi",
				"packages/uploaded-lib/" + version + "/" + wheel.getFileName())).isEqualTo(Files.readAllBytes(wheel));
		return currentTokenInFiles(upload.output());
	}

	/**
	 * Checks, after the tool has run, that every login file holds the token in service (valid by
	 * the emulator's clock) and was written within the last lifetime, and that the tool did not
	 * print it.
	 */
	private String currentTokenInFiles(String output) throws Exception {
		String token = this.provider.getToken();
		assertThat(this.emulator.isValidToken(token)).isTrue();
		for (LoginFileStatus status : this.loginFiles.status()) {
			assertThat(Files.readString(Path.of(status.path()))).as(status.kind()).contains(token);
			assertThat(status.outcome()).isEqualTo(LoginFileOutcome.WRITTEN);
			assertThat(status.lastWrite()).isAfter(this.clock.instant().minus(LIFETIME));
		}
		assertThat(output).doesNotContain(token);
		return token;
	}

}
