package io.github.codeartifact.buildtools;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What one build-tool process needs to reach CodeArtifact: a token that outlives the run, as
 * environment variables and as configuration files in a private directory. Open one per process
 * with {@link CodeArtifactBuildTools#open(java.time.Duration)}, hand it to the process with
 * {@link #applyTo(ProcessBuilder)} and close it when the process has ended: {@link #close()}
 * deletes the files.
 * <p>
 * The token is never put on a command line (where {@code ps} shows it) and never in
 * {@link #toString()}; {@link #mavenCommand(List)} adds only the path of the settings file.
 */
public final class BuildToolSession implements AutoCloseable {

	/** The variable AWS documents for Maven's and Gradle's settings. */
	public static final String CODEARTIFACT_AUTH_TOKEN = "CODEARTIFACT_AUTH_TOKEN";

	/** The variable one of AWS's Maven pages uses. */
	public static final String CODEARTIFACT_TOKEN = "CODEARTIFACT_TOKEN";

	/** Sets Gradle's project property {@code codeartifactToken}. */
	public static final String GRADLE_TOKEN = "ORG_GRADLE_PROJECT_codeartifactToken";

	/** Selects npm's user configuration file. */
	public static final String NPM_USERCONFIG = "NPM_CONFIG_USERCONFIG";

	/** Selects pip's configuration file. */
	public static final String PIP_CONFIG_FILE = "PIP_CONFIG_FILE";

	private final PrivateDirectory directory;

	private final Map<String, String> environment;

	private final Instant expiration;

	private final @Nullable Path npmrc;

	private final @Nullable Path pipConf;

	private final @Nullable Path mavenSettings;

	private final Runnable onClose;

	private volatile boolean closed;

	BuildToolSession(PrivateDirectory directory, Map<String, String> environment, Instant expiration,
			@Nullable Path npmrc, @Nullable Path pipConf, @Nullable Path mavenSettings, Runnable onClose) {
		this.directory = directory;
		this.environment = Map.copyOf(environment);
		this.expiration = expiration;
		this.npmrc = npmrc;
		this.pipConf = pipConf;
		this.mavenSettings = mavenSettings;
		this.onClose = onClose;
	}

	/**
	 * Returns the variables a build tool reads: {@value #CODEARTIFACT_AUTH_TOKEN},
	 * {@value #CODEARTIFACT_TOKEN} and {@value #GRADLE_TOKEN} always; {@value #NPM_USERCONFIG}
	 * with an npm repository; {@value #PIP_CONFIG_FILE} and {@code TWINE_REPOSITORY_URL},
	 * {@code TWINE_USERNAME}, {@code TWINE_PASSWORD} with a PyPI repository.
	 * @return an immutable map, holding the token
	 */
	public Map<String, String> environment() {
		return this.environment;
	}

	/**
	 * Adds the {@link #environment()} to a process's environment.
	 * @param builder the process to start
	 * @return the same builder
	 * @throws IllegalStateException when the session is closed
	 */
	public ProcessBuilder applyTo(ProcessBuilder builder) {
		requireOpen();
		builder.environment().putAll(this.environment);
		return builder;
	}

	/**
	 * Returns a Maven command with {@code -s} and the generated settings file after the executable.
	 * @param command the command, starting with {@code mvn} or a wrapper
	 * @return a new list
	 * @throws IllegalStateException when no Maven repository is configured or the session is closed
	 */
	public List<String> mavenCommand(List<String> command) {
		requireOpen();
		if (command.isEmpty()) {
			throw new IllegalArgumentException("command must start with the Maven executable");
		}
		Path settings = mavenSettings().orElseThrow(() -> new IllegalStateException(
				"No Maven settings file: configure a repository with format maven in "
						+ CodeArtifactBuildToolsProperties.PREFIX + ".repositories"));
		List<String> withSettings = new ArrayList<>(command.size() + 2);
		withSettings.add(command.get(0));
		withSettings.add("-s");
		withSettings.add(settings.toString());
		withSettings.addAll(command.subList(1, command.size()));
		return withSettings;
	}

	/**
	 * Returns when the session's token expires: at least the expected run plus the stale margin
	 * after the session was opened.
	 * @return the expiration
	 */
	public Instant expiration() {
		return this.expiration;
	}

	/**
	 * Returns the private directory (mode 0700) that holds the files.
	 * @return the directory
	 */
	public Path directory() {
		return this.directory.path();
	}

	/**
	 * Returns the generated {@code .npmrc}, when an npm repository is configured.
	 * @return the file (mode 0600)
	 */
	public Optional<Path> npmrc() {
		return Optional.ofNullable(this.npmrc);
	}

	/**
	 * Returns the generated {@code pip.conf}, when a PyPI repository is configured.
	 * @return the file (mode 0600)
	 */
	public Optional<Path> pipConf() {
		return Optional.ofNullable(this.pipConf);
	}

	/**
	 * Returns the generated Maven {@code settings.xml}, when a Maven repository is configured.
	 * @return the file (mode 0600)
	 */
	public Optional<Path> mavenSettings() {
		return Optional.ofNullable(this.mavenSettings);
	}

	/**
	 * Returns every file the session wrote.
	 * @return the files
	 */
	public List<Path> files() {
		List<Path> files = new ArrayList<>(3);
		npmrc().ifPresent(files::add);
		pipConf().ifPresent(files::add);
		mavenSettings().ifPresent(files::add);
		return List.copyOf(files);
	}

	/** Deletes the files and their directory. Does nothing when closed. */
	@Override
	public synchronized void close() {
		if (!this.closed) {
			this.closed = true;
			this.directory.delete();
			this.onClose.run();
		}
	}

	private void requireOpen() {
		if (this.closed) {
			throw new IllegalStateException("The build-tool session is closed: open a new one for each process");
		}
	}

	@Override
	public String toString() {
		return "BuildToolSession[directory=" + directory() + ", expiration=" + this.expiration + ", closed="
				+ this.closed + "]";
	}

}
