package io.github.codeartifact.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Drives the emulator's Maven repository with the project's own Maven (the wrapper's
 * distribution): a build resolves a seeded dependency and compiles against its class, then
 * deploys, through a {@code settings.xml} whose {@code <server>} carries user {@code aws} and
 * the token from {@code CODEARTIFACT_AUTH_TOKEN}, as AWS documents it. Plugins come read-only
 * from the user's local repository; everything else only from the emulator.
 */
class MavenToolTests extends RealToolTestBase {

	/** The plugins the test build runs: Maven's defaults for a jar up to package, and deploy. */
	static final List<String> PLUGINS = List.of("maven-resources-plugin/3.4.0", "maven-compiler-plugin/3.15.0",
			"maven-surefire-plugin/3.5.4", "maven-jar-plugin/3.5.0", "maven-deploy-plugin/3.1.4");

	private static final String DEPLOY = "org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy";

	private static final String CONSUMER = "io/github/codeartifact/it/consumer/";

	private Path mvn;

	private Path userRepository;

	private String token;

	@BeforeEach
	void start() throws IOException {
		this.mvn = WrapperMaven.find().orElse(null);
		assumeTrue(this.mvn != null, "The wrapper's Maven distribution is not in ~/.m2/wrapper/dists: "
				+ "skipping the mvn tests (run ./mvnw once)");
		this.userRepository = WrapperMaven.userRepository();
		List<String> missing = PLUGINS.stream()
			.filter((plugin) -> !Files.isDirectory(this.userRepository.resolve("org/apache/maven/plugins/" + plugin)))
			.toList();
		assumeTrue(missing.isEmpty(), "Maven plugins " + missing + " are not in " + this.userRepository
				+ ": skipping the mvn tests (.ci/run fetches them)");
		this.emulator.seedMavenPackage("my-domain", "my-repo", "com.example.emulator", "demo-lib", "1.0.0", "1.1.0");
		this.token = CodeArtifactClients.token(this.emulator, "my-domain");
	}

	@Test
	void buildResolvesSeededDependencyAndDeploysReleasesOnceAndSnapshots() throws Exception {
		ToolProcess.Result release = mvn("1.0.0", this.token, "package", DEPLOY);
		assertThat(release.exitCode()).as(release.toString()).isZero();
		Path resolved = this.temp.resolve("repository/com/example/emulator/demo-lib/1.1.0/demo-lib-1.1.0.jar");
		assertThat(RepositoryFormatsTests.versionMethod(resolved, "com.example.emulator.demo_lib.Version")).isEqualTo("1.1.0");
		assertThat(file(CONSUMER + "1.0.0/consumer-1.0.0.jar")).isNotNull();
		assertThat(file(CONSUMER + "1.0.0/consumer-1.0.0.pom")).isNotNull();
		assertThat(metadata()).contains("<release>1.0.0</release>", "<version>1.0.0</version>");

		ToolProcess.Result again = mvn("1.0.0", this.token, "package", DEPLOY);
		assertThat(again.exitCode()).as(again.toString()).isNotZero();
		assertThat(again.output()).contains("Conflict (409)");

		ToolProcess.Result snapshot = mvn("1.1.0-SNAPSHOT", this.token, "package", DEPLOY);
		assertThat(snapshot.exitCode()).as(snapshot.toString()).isZero();
		assertThat(metadata()).contains("<latest>1.1.0-SNAPSHOT</latest>", "<release>1.0.0</release>",
				"<version>1.1.0-SNAPSHOT</version>");
		String snapshotMetadata = new String(file(CONSUMER + "1.1.0-SNAPSHOT/maven-metadata.xml"),
				StandardCharsets.UTF_8);
		assertThat(snapshotMetadata).contains("<buildNumber>1</buildNumber>");
	}

	@Test
	void wrongTokenIsUnauthorized() throws Exception {
		ToolProcess.Result result = mvn("1.0.0", "not-a-token", "package");
		assertThat(result.exitCode()).as(result.toString()).isNotZero();
		assertThat(result.output()).contains("Unauthorized (401)");
	}

	private ToolProcess.Result mvn(String version, String token, String... goals)
			throws IOException, InterruptedException {
		Path project = Files.createDirectories(this.temp.resolve("project"));
		Files.writeString(project.resolve("pom.xml"), pom(version));
		Path source = Files.createDirectories(project.resolve("src/main/java/it"));
		Files.writeString(source.resolve("Consumer.java"), "package it;\n\npublic class Consumer {\n"
				+ "\tpublic static String uses() {\n\t\treturn com.example.emulator.demo_lib.Version.version();\n\t}\n}\n");
		Path settings = this.temp.resolve("settings.xml");
		Files.writeString(settings, settings());
		List<String> command = new ArrayList<>(List.of(this.mvn.toString(), "-B", "-s", settings.toString(), "-C",
				"-DskipTests", "-Daether.checksums.algorithms=SHA-512,SHA-256,SHA-1,MD5",
				"-Dmaven.repo.local.tail=" + this.userRepository));
		command.addAll(List.of(goals));
		return ToolProcess.run(project, this.temp, Map.of("CODEARTIFACT_AUTH_TOKEN", token), command);
	}

	private String endpoint() {
		return this.emulator.repositoryEndpoint("my-domain", "my-repo", "maven").toString();
	}

	private String settings() {
		return "<settings>\n  <localRepository>" + this.temp.resolve("repository") + "</localRepository>\n"
				+ "  <mirrors><mirror><id>codeartifact</id><mirrorOf>*</mirrorOf><url>" + endpoint()
				+ "</url></mirror></mirrors>\n"
				+ "  <servers><server><id>codeartifact</id><username>aws</username>"
				+ "<password>${env.CODEARTIFACT_AUTH_TOKEN}</password></server></servers>\n</settings>\n";
	}

	private String pom(String version) {
		String repository = "<id>codeartifact</id><url>" + endpoint() + "</url>";
		return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modelVersion>4.0.0</modelVersion>\n"
				+ "  <groupId>io.github.codeartifact.it</groupId>\n  <artifactId>consumer</artifactId>\n"
				+ "  <version>" + version + "</version>\n"
				+ "  <properties><maven.compiler.release>17</maven.compiler.release>"
				+ "<project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>\n"
				+ "  <dependencies><dependency><groupId>com.example.emulator</groupId><artifactId>demo-lib</artifactId>"
				+ "<version>1.1.0</version></dependency></dependencies>\n"
				+ "  <distributionManagement><repository>" + repository + "</repository><snapshotRepository>"
				+ repository + "</snapshotRepository></distributionManagement>\n</project>\n";
	}

	private byte @Nullable [] file(String path) {
		return this.emulator.packageFile("my-domain", "my-repo", "maven", path);
	}

	private String metadata() {
		byte[] metadata = file(CONSUMER + "maven-metadata.xml");
		assertThat(metadata).isNotNull();
		return new String(metadata, StandardCharsets.UTF_8);
	}

}
