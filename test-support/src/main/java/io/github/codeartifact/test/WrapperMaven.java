package io.github.codeartifact.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Finds the Maven that the project's {@code mvnw} runs: the version pinned in
 * {@code .mvn/wrapper/maven-wrapper.properties}, installed under {@code ~/.m2/wrapper/dists} (or
 * {@code $MAVEN_USER_HOME/wrapper/dists}) by the first {@code ./mvnw}. Tests and the sample
 * application run this real {@code mvn} against the emulator.
 */
public final class WrapperMaven {

	private static final Path PROPERTIES = Path.of(".mvn", "wrapper", "maven-wrapper.properties");

	private WrapperMaven() {
	}

	/**
	 * Returns the wrapper's {@code mvn} for the project that holds the working directory.
	 * @return the executable, absolute, or empty when no project holds the working directory or
	 * {@code ./mvnw} has not installed its distribution yet
	 */
	public static Optional<Path> find() {
		return find(Path.of("").toAbsolutePath());
	}

	/**
	 * Returns the wrapper's {@code mvn} for the project that holds a directory: the nearest
	 * directory, from it upwards, with a {@code .mvn/wrapper/maven-wrapper.properties}.
	 * @param directory where to start looking
	 * @return the executable, absolute, or empty when there is none
	 */
	public static Optional<Path> find(Path directory) {
		for (Path candidate = directory.toAbsolutePath(); candidate != null; candidate = candidate.getParent()) {
			Path properties = candidate.resolve(PROPERTIES);
			if (Files.isRegularFile(properties)) {
				Path mvn = userHome().resolve("wrapper/dists/apache-maven-" + mavenVersion(properties) + "/bin/mvn");
				return Files.isExecutable(mvn) ? Optional.of(mvn) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	/**
	 * Returns the user's local repository, {@code ~/.m2/repository}, where {@code ./mvnw} keeps the
	 * plugins that a build against the emulator reads (read-only, through
	 * {@code maven.repo.local.tail}).
	 * @return the directory
	 */
	public static Path userRepository() {
		return Path.of(System.getProperty("user.home"), ".m2", "repository");
	}

	private static Path userHome() {
		String userHome = System.getenv("MAVEN_USER_HOME");
		return (userHome != null) ? Path.of(userHome) : Path.of(System.getProperty("user.home"), ".m2");
	}

	private static String mavenVersion(Path properties) {
		Properties wrapper = new Properties();
		try (InputStream input = Files.newInputStream(properties)) {
			wrapper.load(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + properties, ex);
		}
		String version = wrapper.getProperty("mavenVersion");
		if (version == null) {
			throw new IllegalStateException(properties + " names no mavenVersion");
		}
		return version;
	}

}
