package io.github.codeartifact.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.codeartifact.buildtools.BuildToolRepository;
import io.github.codeartifact.buildtools.BuildToolSession;
import io.github.codeartifact.buildtools.CodeArtifactBuildTools;
import io.github.codeartifact.repository.CodeArtifactRepositoryEndpoints;
import io.github.codeartifact.test.WrapperMaven;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.codeartifact.model.PackageFormat;

import org.springframework.stereotype.Component;

/**
 * Runs the real {@code mvn} (the distribution {@code ./mvnw} installed) on a small project that
 * depends on {@code com.example:demo-lib:[1.0,)}, with a {@link BuildToolSession}: the token
 * reaches Maven through the session's generated {@code settings.xml} ({@code mvn -s}), never on
 * the command line. The project and its local repository live in a temporary directory deleted
 * afterwards; plugins are read, read-only, from the user's local repository. One build at a time.
 */
@Component
class MavenBuild {

	/** The group and artifact the project depends on, in any version from 1.0. */
	static final String GROUP_ID = "com.example";

	static final String ARTIFACT_ID = "demo-lib";

	/** How long a build may run; the session's token outlives it. */
	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final CodeArtifactBuildTools buildTools;

	private final CodeArtifactRepositoryEndpoints endpoints;

	private final Semaphore oneAtATime = new Semaphore(1);

	MavenBuild(CodeArtifactBuildTools buildTools, CodeArtifactRepositoryEndpoints endpoints) {
		this.buildTools = buildTools;
		this.endpoints = endpoints;
	}

	/**
	 * Runs the build.
	 * @return what it did
	 * @throws BuildUnavailableException when another build runs or no Maven distribution is installed
	 */
	BuildResult run() throws IOException, InterruptedException {
		Path mvn = WrapperMaven.find()
			.orElseThrow(() -> new BuildUnavailableException("No Maven distribution of the wrapper in "
					+ "~/.m2/wrapper/dists: run ./mvnw once from the project's directory"));
		if (!this.oneAtATime.tryAcquire()) {
			throw new BuildUnavailableException("A build is running: try again when it has ended");
		}
		Path work = Files.createTempDirectory("codeartifact-sample-build");
		try (BuildToolSession session = this.buildTools.open(TIMEOUT)) {
			Path project = Files.createDirectories(work.resolve("project"));
			Files.writeString(project.resolve("pom.xml"), pom());
			Path repository = work.resolve("repository");
			List<String> command = session.mavenCommand(List.of(mvn.toString(), "-B", "-q", "-C",
					"-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + WrapperMaven.userRepository(),
					"compile"));
			ProcessBuilder builder = session.applyTo(new ProcessBuilder(command).directory(project.toFile()))
				.redirectErrorStream(true)
				.redirectOutput(work.resolve("output.txt").toFile());
			Process process = builder.start();
			if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
				return new BuildResult(-1, null, null, null, session.expiration().toString());
			}
			int exitCode = process.exitValue();
			Optional<Path> resolved = resolvedVersion(repository);
			String version = resolved.map((directory) -> directory.getFileName().toString()).orElse(null);
			String repositoryId = resolved.map(MavenBuild::remoteRepositoryId).orElse(null);
			return new BuildResult(exitCode, (version != null) ? GROUP_ID + ":" + ARTIFACT_ID + ":" + version : null,
					repositoryId, endpointOf(repositoryId), session.expiration().toString());
		}
		finally {
			delete(work);
			this.oneAtATime.release();
		}
	}

	private static String pom() {
		return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n  <modelVersion>4.0.0</modelVersion>\n"
				+ "  <groupId>io.github.codeartifact.sample</groupId><artifactId>build</artifactId>"
				+ "<version>1.0.0</version>\n  <dependencies><dependency><groupId>" + GROUP_ID + "</groupId><artifactId>"
				+ ARTIFACT_ID + "</artifactId><version>[1.0,)</version></dependency></dependencies>\n</project>\n";
	}

	/** Returns the directory of the version Maven downloaded the jar of. */
	private static Optional<Path> resolvedVersion(Path repository) throws IOException {
		Path artifact = repository.resolve(GROUP_ID.replace('.', '/')).resolve(ARTIFACT_ID);
		if (!Files.isDirectory(artifact)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(artifact)) {
			return versions.filter((version) -> Files.isRegularFile(
					version.resolve(ARTIFACT_ID + "-" + version.getFileName() + ".jar")))
				.findFirst();
		}
	}

	/** Returns the id of the repository the jar came from, as Maven records it in {@code _remote.repositories}. */
	private static @Nullable String remoteRepositoryId(Path version) {
		String jar = ARTIFACT_ID + "-" + version.getFileName() + ".jar>";
		try {
			Path remote = version.resolve("_remote.repositories");
			if (!Files.isRegularFile(remote)) {
				return null;
			}
			return Files.readAllLines(remote, StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> line.startsWith(jar) && line.endsWith("="))
				.map((line) -> line.substring(jar.length(), line.length() - 1))
				.findFirst()
				.orElse(null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private @Nullable String endpointOf(@Nullable String repositoryId) {
		return this.buildTools.repositories()
			.stream()
			.filter((repository) -> repository.id().equals(repositoryId))
			.map(BuildToolRepository::repository)
			.findFirst()
			.map((name) -> this.endpoints.endpoint(name, PackageFormat.MAVEN))
			.map(URI::toString)
			.orElse(null);
	}

	private static void delete(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** No build can run now; answered as 503. */
	static final class BuildUnavailableException extends RuntimeException {

		BuildUnavailableException(String message) {
			super(message);
		}

	}

}
