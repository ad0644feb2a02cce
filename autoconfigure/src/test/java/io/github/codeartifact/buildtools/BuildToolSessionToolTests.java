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
import io.github.codeartifact.test.PythonPackageFiles;
import io.github.codeartifact.test.WrapperMaven;
import io.github.codeartifact.test.context.CodeArtifactEmulatorInitializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	/** The plugins {@code mvn package} and the deploy goal run: Maven's defaults. */
	private static final List<String> PLUGINS = List.of("maven-resources-plugin/3.4.0",
			"maven-compiler-plugin/3.15.0", "maven-surefire-plugin/3.5.4", "maven-jar-plugin/3.5.0",
			"maven-deploy-plugin/3.1.4");

	/** The deploy goal alone, after {@code package}: the install phase's plugin is not needed. */
	private static final String DEPLOY = "org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy";

	private static final String CONSUMER = "it/consumer/1.0.0/consumer-1.0.0";

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

	@ParameterizedTest(name = "generated -s file: {0}, deploy: {1}")
	@CsvSource({ "true, false", "false, false", "true, true", "false, true" })
	void mvnResolvesAndDeploysThroughASession(boolean generatedSettings, boolean deploy) throws Exception {
		Path mvn = maven();
		this.runner.run((context) -> mvn(context, mvn, generatedSettings, deploy));
	}

	/**
	 * Runs {@code mvn compile}, or {@code package} and deploy, with a session: through the
	 * generated {@code -s} file, or through the user's settings whose server reads
	 * {@code ${env.CODEARTIFACT_AUTH_TOKEN}} as AWS documents it.
	 */
	private void mvn(AssertableApplicationContext context, Path mvn, boolean generatedSettings, boolean deploy)
			throws IOException, InterruptedException {
		String endpoint = seedMaven(context);
		try (BuildToolSession session = buildTools(context).open(Duration.ofMinutes(10))) {
			List<String> command = deploy ? deployCommand(mvn) : mvnCommand(mvn);
			if (generatedSettings) {
				command = session.mavenCommand(command);
			}
			else {
				Path settings = Files.writeString(this.temp.resolve("settings.xml"),
						"<settings>\n  <mirrors><mirror><id>codeartifact</id><mirrorOf>*</mirrorOf><url>" + endpoint
								+ "</url></mirror></mirrors>\n  <servers><server><id>codeartifact</id>"
								+ "<username>aws</username><password>${env.CODEARTIFACT_AUTH_TOKEN}</password></server>"
								+ "</servers>\n</settings>\n");
				command.addAll(1, List.of("-s", settings.toString()));
			}
			assertResolved(BuildToolProcess.run(session, project(deploy ? endpoint : null), this.temp, Map.of(),
					command));
		}
		if (deploy) {
			assertDeployed(context);
		}
	}

	@Test
	void npmPublishesThroughTheSession() throws Exception {
		Path npm = npm();
		this.runner.run((context) -> {
			Path library = Files.createDirectories(this.temp.resolve("library"));
			Files.writeString(library.resolve("package.json"),
					"{\"name\":\"published-lib\",\"version\":\"2.0.0\",\"main\":\"index.js\",\"license\":\"MIT\"}");
			Files.writeString(library.resolve("index.js"), "module.exports = 'published';\n");
			try (BuildToolSession session = buildTools(context).open(Duration.ofMinutes(10))) {
				BuildToolProcess.Result publish = BuildToolProcess.run(session, library, this.temp, Map.of(),
						List.of(npm.toString(), "publish", "--no-update-notifier"));
				assertThat(publish.exitCode()).as(publish.toString()).isZero();
				assertThat(publish.output()).doesNotContain(session.environment().get("CODEARTIFACT_AUTH_TOKEN"));
			}
			assertThat(context.getBean(CodeArtifactEmulator.class)
				.packageFile(DOMAIN, REPOSITORY, "npm", "published-lib/-/published-lib-2.0.0.tgz")).isNotNull();
		});
	}

	@Test
	void twineUploadsThroughTheSession() throws Exception {
		assumeTrue(BuildToolProcess.onPath("twine") != null,
				"twine is not on the PATH: skipping the twine session test (.ci/run installs it with apt-get)");
		this.runner.run((context) -> {
			CodeArtifactEmulator emulator = context.getBean(CodeArtifactEmulator.class);
			Path wheel = Files.write(this.temp.resolve(PythonPackageFiles.wheelName("uploaded-lib", "3.0.0")),
					PythonPackageFiles.wheel("uploaded-lib", "3.0.0"));
			try (BuildToolSession session = buildTools(context).open(Duration.ofMinutes(10))) {
				// No --repository, no ~/.pypirc: twine reads TWINE_REPOSITORY_URL, TWINE_USERNAME, TWINE_PASSWORD
				BuildToolProcess.Result upload = BuildToolProcess.run(session, this.temp, this.temp, PIP_QUIET,
						List.of("twine", "upload", "--non-interactive", "--disable-progress-bar", wheel.toString()));
				assertThat(upload.exitCode()).as(upload.toString()).isZero();
				assertThat(upload.output()).doesNotContain(session.environment().get("CODEARTIFACT_AUTH_TOKEN"));
			}
			assertThat(emulator.packageFile(DOMAIN, REPOSITORY, "pypi",
					"packages/uploaded-lib/3.0.0/" + wheel.getFileName())).isEqualTo(Files.readAllBytes(wheel));
		});
	}

	@Test
	void npmInstallsThroughTheSession() throws Exception {
		Path npm = npm();
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

	private static Path npm() {
		Path npm = BuildToolProcess.onPath("npm");
		assumeTrue(npm != null && BuildToolProcess.onPath("node") != null,
				"npm and node are not on the PATH: skipping the npm session tests (.ci/run installs them with apt-get)");
		return npm;
	}

	private static CodeArtifactBuildTools buildTools(AssertableApplicationContext context) {
		return context.getBean(CodeArtifactBuildTools.class);
	}

	static Path maven() throws IOException {
		Path mvn = WrapperMaven.find().orElse(null);
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
		return WrapperMaven.userRepository();
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

	/** {@code mvn package} and the deploy goal, tests skipped, with every checksum Maven may send. */
	private List<String> deployCommand(Path mvn) {
		return new ArrayList<>(List.of(mvn.toString(), "-B", "-q", "-C", "-DskipTests",
				"-Daether.checksums.algorithms=SHA-512,SHA-256,SHA-1,MD5",
				"-Dmaven.repo.local=" + this.temp.resolve("repository"),
				"-Dmaven.repo.local.tail=" + userRepository(), "package", DEPLOY));
	}

	private static void assertDeployed(AssertableApplicationContext context) {
		CodeArtifactEmulator emulator = context.getBean(CodeArtifactEmulator.class);
		assertThat(emulator.packageFile(DOMAIN, REPOSITORY, "maven", CONSUMER + ".jar")).isNotNull();
		assertThat(emulator.packageFile(DOMAIN, REPOSITORY, "maven", CONSUMER + ".pom")).isNotNull();
		byte[] metadata = emulator.packageFile(DOMAIN, REPOSITORY, "maven", "it/consumer/maven-metadata.xml");
		assertThat(metadata).isNotNull();
		assertThat(new String(metadata, java.nio.charset.StandardCharsets.UTF_8)).contains("<release>1.0.0</release>");
	}

	private Path project(@Nullable String distribution) throws IOException {
		return project(this.temp.resolve("project"), distribution);
	}

	/**
	 * A project whose one class uses the emulator's {@code demo-lib} 1.1.0; with a distribution endpoint, it
	 * deploys there as repository {@code codeartifact}.
	 */
	static Path project(Path directory, @Nullable String distribution) throws IOException {
		Path project = Files.createDirectories(directory);
		Files.writeString(project.resolve("pom.xml"), "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n"
				+ "  <modelVersion>4.0.0</modelVersion>\n  <groupId>it</groupId><artifactId>consumer</artifactId>"
				+ "<version>1.0.0</version>\n  <properties><maven.compiler.release>17</maven.compiler.release>"
				+ "<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>\n"
				+ "  <dependencies><dependency><groupId>com.example.emulator</groupId><artifactId>demo-lib</artifactId>"
				+ "<version>1.1.0</version></dependency></dependencies>\n"
				+ ((distribution != null) ? "  <distributionManagement><repository><id>codeartifact</id><url>" + distribution
						+ "</url></repository></distributionManagement>\n" : "")
				+ "</project>\n");
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
