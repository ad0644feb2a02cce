package io.github.codeartifact.buildtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.codeartifact.autoconfigure.CodeArtifactAutoConfiguration;
import io.github.codeartifact.repository.CodeArtifactRepositoryAutoConfiguration;
import io.github.codeartifact.test.CodeArtifactEmulator;
import io.github.codeartifact.test.context.CodeArtifactEmulatorInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The real {@code mvn}, {@code npm} and {@code pip} resolve from the emulator with nothing but a
 * session: no token on their command lines, none in their user configuration. Each test is
 * skipped, with the reason, when its tool is missing.
 */
class BuildToolSessionToolTests {

	/** The plugins {@code mvn compile} runs: Maven's defaults. */
	private static final List<String> PLUGINS = List.of("maven-resources-plugin/3.4.0",
			"maven-compiler-plugin/3.15.0");

	private static final String DOMAIN = CodeArtifactEmulator.DEFAULT_DOMAIN;

	private static final String REPOSITORY = CodeArtifactEmulator.DEFAULT_REPOSITORY;

	static final Map<String, String> PIP_QUIET = Map.of("PIP_DISABLE_PIP_VERSION_CHECK", "1", "PIP_NO_INPUT",
			"1", "PIP_NO_CACHE_DIR", "1", "PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CodeArtifactAutoConfiguration.class,
				CodeArtifactRepositoryAutoConfiguration.class, CodeArtifactBuildToolsAutoConfiguration.class))
		.withInitializer(new CodeArtifactEmulatorInitializer())
		.withPropertyValues("codeartifact.build-tools.repositories.codeartifact.repository=" + REPOSITORY,
				"codeartifact.build-tools.repositories.codeartifact.format=maven",
				"codeartifact.build-tools.repositories.codeartifact.mirror-of=*",
				"codeartifact.build-tools.repositories.ca-npm.repository=" + REPOSITORY,
				"codeartifact.build-tools.repositories.ca-npm.format=npm",
				"codeartifact.build-tools.repositories.ca-pypi.repository=" + REPOSITORY,
				"codeartifact.build-tools.repositories.ca-pypi.format=pypi");

	@TempDir
	Path temp;

	@Test
	void mvnResolvesThroughTheGeneratedSettingsFile() throws Exception {
		Path mvn = maven();
		this.runner.run((context) -> {
			seedMaven(context);
			try (BuildToolSession session = buildTools(context).open(Duration.ofMinutes(10))) {
				BuildToolProcess.Result result = BuildToolProcess.run(session, project(), this.temp, Map.of(),
						session.mavenCommand(mvnCommand(mvn)));
				assertResolved(result);
			}
		});
	}

	@Test
	void mvnResolvesThroughTheUsersSettingsWithTheTokenVariable() throws Exception {
		Path mvn = maven();
		this.runner.run((context) -> {
			String endpoint = seedMaven(context);
			Path settings = Files.writeString(this.temp.resolve("settings.xml"),
					"<settings>\n  <mirrors><mirror><id>codeartifact</id><mirrorOf>*</mirrorOf><url>" + endpoint
							+ "</url></mirror></mirrors>\n  <servers><server><id>codeartifact</id><username>aws</username>"
							+ "<password>${env.CODEARTIFACT_AUTH_TOKEN}</password></server></servers>\n</settings>\n");
			try (BuildToolSession session = buildTools(context).open(Duration.ofMinutes(10))) {
				List<String> command = mvnCommand(mvn);
				command.addAll(1, List.of("-s", settings.toString()));
				assertResolved(BuildToolProcess.run(session, project(), this.temp, Map.of(), command));
			}
		});
	}

	@Test
	void npmInstallsThroughTheSession() throws Exception {
		Path npm = BuildToolProcess.onPath("npm");
		assumeTrue(npm != null && BuildToolProcess.onPath("node") != null,
				"npm and node are not on the PATH: skipping the npm session test (.ci/run installs them with apt-get)");
		this.runner.run((context) -> {
			context.getBean(CodeArtifactEmulator.class).seedNpmPackage(DOMAIN, REPOSITORY, "demo-lib", "1.0.0", "1.1.0");
			Path app = Files.createDirectories(this.temp.resolve("app"));
			Files.writeString(app.resolve("package.json"),
					"{\"name\":\"app\",\"version\":\"1.0.0\",\"private\":true,\"dependencies\":{\"demo-lib\":\"^1.0.0\"}}");
			try (BuildToolSession session = buildTools(context).open(Duration.ofMinutes(10))) {
				BuildToolProcess.Result install = BuildToolProcess.run(session, app, this.temp, Map.of(), List.of(
						npm.toString(), "install", "--no-audit", "--no-fund", "--no-update-notifier"));
				assertThat(install.exitCode()).as(install.toString()).isZero();
			}
			assertThat(Files.readString(app.resolve("node_modules/demo-lib/package.json"))).contains("\"1.1.0\"");
			assertThat(this.temp.resolve(".npmrc")).doesNotExist();
		});
	}

	@Test
	void pipInstallsThroughTheSession() throws Exception {
		assumeTrue(BuildToolProcess.onPath("python3") != null,
				"python3 is not on the PATH: skipping the pip session test (.ci/run installs python3-pip)");
		this.runner.run((context) -> {
			context.getBean(CodeArtifactEmulator.class).seedPythonPackage(DOMAIN, REPOSITORY, "demo-lib", "1.0.0",
					"1.1.0");
			try (BuildToolSession session = buildTools(context).open(Duration.ofMinutes(10))) {
				BuildToolProcess.Result pip = BuildToolProcess.run(session, this.temp, this.temp, PIP_QUIET,
						List.of("python3", "-m", "pip", "--version"));
				assumeTrue(pip.exitCode() == 0, "python3 has no pip: skipping the pip session test (.ci/run "
						+ "installs python3-pip)");
				BuildToolProcess.Result install = BuildToolProcess.run(session, this.temp, this.temp, PIP_QUIET,
						List.of("python3", "-m", "pip", "install", "--target", "site", "demo-lib"));
				assertThat(install.exitCode()).as(install.toString()).isZero();
				assertThat(install.output()).doesNotContain(session.environment().get("CODEARTIFACT_AUTH_TOKEN"));
			}
			assertThat(this.temp.resolve("site/demo_lib")).isDirectory();
			assertThat(this.temp.resolve("site/demo_lib-1.1.0.dist-info")).isDirectory();
		});
	}

	private static CodeArtifactBuildTools buildTools(AssertableApplicationContext context) {
		return context.getBean(CodeArtifactBuildTools.class);
	}

	static Path maven() throws IOException {
		Path mvn = BuildToolProcess.wrapperMaven();
		assumeTrue(mvn != null, "The wrapper's Maven distribution is not in ~/.m2/wrapper/dists: skipping the mvn "
				+ "session tests (run ./mvnw once)");
		Path userRepository = userRepository();
		List<String> missing = PLUGINS.stream()
			.filter((plugin) -> !Files.isDirectory(userRepository.resolve("org/apache/maven/plugins/" + plugin)))
			.toList();
		assumeTrue(missing.isEmpty(), "Maven plugins " + missing + " are not in " + userRepository
				+ ": skipping the mvn session tests (.ci/run fetches them)");
		return mvn;
	}

	static Path userRepository() {
		return Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	private static String seedMaven(AssertableApplicationContext context) {
		CodeArtifactEmulator emulator = context.getBean(CodeArtifactEmulator.class);
		emulator.seedMavenPackage(DOMAIN, REPOSITORY, "com.example.emulator", "demo-lib", "1.0.0", "1.1.0");
		return emulator.repositoryEndpoint(DOMAIN, REPOSITORY, "maven").toString();
	}

	private List<String> mvnCommand(Path mvn) {
		return mvnCommand(mvn, this.temp.resolve("repository"));
	}

	/** {@code mvn compile}: plugins read-only from the user's repository, the rest only from the emulator. */
	static List<String> mvnCommand(Path mvn, Path localRepository) {
		return new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-C", "-Dmaven.repo.local=" + localRepository,
				"-Dmaven.repo.local.tail=" + userRepository(), "compile"));
	}

	private Path project() throws IOException {
		return project(this.temp.resolve("project"));
	}

	/** A project whose one class uses the emulator's {@code demo-lib} 1.1.0. */
	static Path project(Path directory) throws IOException {
		Path project = Files.createDirectories(directory);
		Files.writeString(project.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
				+ "  <modelVersion>4.0.0</modelVersion>\n  <groupId>it</groupId><artifactId>consumer</artifactId>"
				+ "<version>1.0.0</version>\n  <properties><maven.compiler.release>17</maven.compiler.release>"
				+ "<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>\n"
				+ "  <dependencies><dependency><groupId>com.example.emulator</groupId><artifactId>demo-lib</artifactId>"
				+ "<version>1.1.0</version></dependency></dependencies>\n</project>\n");
		Path source = Files.createDirectories(project.resolve("src/main/java/it"));
		Files.writeString(source.resolve("Consumer.java"), "package it;\n\npublic class Consumer {\n"
				+ "\tpublic static String uses() {\n\t\treturn com.example.emulator.demo_lib.Version.version();\n\t}\n}\n");
		return project;
	}

	private void assertResolved(BuildToolProcess.Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.temp.resolve("repository/com/example/emulator/demo-lib/1.1.0/demo-lib-1.1.0.jar"))
			.isRegularFile();
		assertThat(this.temp.resolve("project/target/classes/it/Consumer.class")).isRegularFile();
	}

}
